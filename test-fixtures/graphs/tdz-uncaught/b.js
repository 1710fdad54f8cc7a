import { a } from './a.js';
__log.push('b:start');
export const b = a.toUpperCase();
__log.push('b never ends');
