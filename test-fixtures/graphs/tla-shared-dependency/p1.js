import { d } from './d.js';
__log.push('p1', d);
export const p1 = 'p1:' + d;
