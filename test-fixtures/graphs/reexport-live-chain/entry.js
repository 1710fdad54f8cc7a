import { x, y, z, w, inc } from './c.js';
import * as c from './c.js';
__log.push(x, y, z, w);
inc(); inc();
__log.push(x, y, z, w, Object.keys(c).join());
