import { early, x, read } from './mod.js';
__log.push('entry', early, x, read());
export { early };
