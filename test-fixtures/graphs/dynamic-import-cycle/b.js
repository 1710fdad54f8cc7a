import { a } from './a.js';
__log.push('b');
export const b = 'B';
export function getA() { return a; }
