export { "a-b" as "c d", "Z" as plain } from './m.js';
export * from './m.js';
