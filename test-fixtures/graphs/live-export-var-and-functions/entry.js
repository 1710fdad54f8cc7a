
import { v, fn, Klass, reassign, w } from './m.js';
import { early } from './early.js';
__log.push('entry', early, v, fn(), typeof Klass, Klass, w);
reassign();
__log.push('after', v, fn(), Klass, w);
export { v, fn, Klass, w };
