import { x, y, z, set } from './m.js';
import * as ns from './m.js';
__log.push(x, y, z);
set('changed');
__log.push(x, y, z, ns.x, ns.y, ns.z, Object.keys(ns).join());
