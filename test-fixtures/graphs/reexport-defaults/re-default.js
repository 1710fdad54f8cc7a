export { default } from './source.js';
