__log.push('re');
export { ghost } from './dep.js';
