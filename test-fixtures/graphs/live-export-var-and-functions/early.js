import { v, fn, w } from './m.js';
// m.js imports this module, so this runs first: var is undefined, not TDZ.
export const early = [String(v), typeof v, fn(), String(w)];
