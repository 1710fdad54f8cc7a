export * from './b.js';
export const fromC = 'C';
