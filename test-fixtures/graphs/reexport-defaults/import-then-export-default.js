import d from './source.js';
export default d;
