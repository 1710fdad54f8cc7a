import * as a from './a.js';
import * as b from './b.js';
import { fromA, fromB } from './a.js';
__log.push(Object.keys(a).join(), Object.keys(b).join(), fromA, fromB);
