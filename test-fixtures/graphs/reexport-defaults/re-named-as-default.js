export { named as default } from './source.js';
