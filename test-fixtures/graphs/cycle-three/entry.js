import { a, incC } from './a.js';
import { c } from './c.js';
__log.push('entry', a, c);
incC(); incC();
__log.push('entry:after', c);
export { a, c };
export * as ring from './b.js';
