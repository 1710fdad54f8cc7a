import { b } from './b.js';
__log.push('a never runs');
export const a = 'a';
