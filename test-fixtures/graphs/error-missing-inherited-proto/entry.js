import { __proto__ as p } from './m.js';
__log.push('entry', p);
