import { \u0078, ünïcode, set } from './m.js';
set('updated');
__log.push(x, \u00fcn\u00efcode, \u004Dath.max(1, 2), typeof \u0055ndefinedGlobal, ünïcode);
const \u{1d453} = 'math italic';
__log.push(𝑓);
