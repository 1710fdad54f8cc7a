export * from './m.js';
export { __proto__ as "__defineGetter__" } from './m.js';
