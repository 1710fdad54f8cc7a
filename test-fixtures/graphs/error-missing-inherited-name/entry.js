import { toString } from './m.js';
__log.push('entry', typeof toString);
