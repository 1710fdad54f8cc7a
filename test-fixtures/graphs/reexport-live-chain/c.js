export * from './b.js';
export { z as w } from './b.js';
