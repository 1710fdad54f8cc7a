import * as m from './m.js';
import { later, setLater } from './m.js';
setLater();
__log.push(later, m.first, m.second, m.p, m.r, m.rest, m.u, typeof m.asyncFn, typeof m.genFn, m.K.s);
