export * from './one.js';
export * from './two.js';
export * from './via.js';
export const local = 'barrel-local';
