import { a } from './a.js';
__log.push('entry never runs', a);
