import { a, aFn } from './a.js';
// a.js has not run yet: its hoisted function exists, its let is in TDZ.
__log.push('b:start', aFn());
let seen;
try { seen = a; } catch (e) { seen = e.constructor.name; }
__log.push('b:a-is', seen);
export let b = 'b0';
export function bFn() { return 'bFn:' + b; }
export function setA(v) { b = 'b-set-' + v + '-' + a; }
