import { setObserver } from './observer.js';
import * as m from './m.js';
__log.push('final', m.i, m.k, m.v, m.c, m.s, m.l, m.d1, m.d2, m.t);
