export * from './b.js';
export const fromA = 'A';
export default 'a-default';
