import { a } from './a.js';
import { leaf } from './leaf.js';
__log.push('b', a(), leaf);
export const b = 'b';
