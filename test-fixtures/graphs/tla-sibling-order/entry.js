import { a } from './async-a.js';
import { b } from './sync-b.js';
__log.push('entry', a, b);
export { a, b };
