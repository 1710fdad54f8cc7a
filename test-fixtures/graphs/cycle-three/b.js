import { c, cHoisted } from './c.js';
__log.push('b', c, cHoisted());
export let b = 'B';
export function bHoisted() { return 'bHoisted'; }
