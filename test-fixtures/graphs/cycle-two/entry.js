import { a, bumpB, aFn } from './a.js';
import { b } from './b.js';
__log.push('entry:start', a, b);
bumpB();
__log.push('entry:after-bumpB', b, aFn());
export { a, b };
