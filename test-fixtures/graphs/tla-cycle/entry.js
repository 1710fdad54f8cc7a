import { a } from './a.js';
__log.push('entry', a());
