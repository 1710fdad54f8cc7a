export * from './a.js';
export * from './c.js';
export const fromB = 'B';
