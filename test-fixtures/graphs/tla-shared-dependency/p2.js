import { d } from './d.js';
__log.push('p2', d);
export const p2 = 'p2:' + d;
