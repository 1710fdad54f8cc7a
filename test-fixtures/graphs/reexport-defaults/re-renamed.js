export { default as renamed } from './source.js';
