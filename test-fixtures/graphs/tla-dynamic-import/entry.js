import { value } from './uses-lazy.js';
__log.push('entry', value);
const again = await import('./lazy.js');
__log.push('same lazy', again.lazy);
