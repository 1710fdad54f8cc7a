import { a, incC as selfInc } from './a.js';
import { bHoisted } from './b.js';
__log.push('c', bHoisted(), typeof selfInc);
let aState;
try { aState = a; } catch (e) { aState = e.constructor.name; }
__log.push('c:a', aState);
export let c = 0;
export function cHoisted() { return 'cHoisted:' + (typeof c); }
export function incC() { c++; }
