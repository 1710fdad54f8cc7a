import { p1 } from './p1.js';
import { p2 } from './p2.js';
__log.push('entry', p1, p2);
