export * from './impl.js';
export { f as g } from './impl.js';
