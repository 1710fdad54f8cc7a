import d, * as direct from './m.js';
import { ns, other } from './re.js';
import { a, a as a2, default as d2 } from './m.js';
__log.push(ns === direct, other === direct, d, d2, a === a2, Object.keys(await import('./re.js')).join());
