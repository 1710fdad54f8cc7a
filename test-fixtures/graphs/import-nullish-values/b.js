import { readEarly, seenEarly } from './a.js';
__log.push('b:start', readEarly().join(' '));
export const nothing = null;
export let undef = undefined;
export let later = 'set';
export var hoistedUndefined;
export function setLater(v) { later = v; }
__log.push('b:end', readEarly().join(' '));
