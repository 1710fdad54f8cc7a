import d from './source.js';
export { d as default };
