import './a.js';
__log.push('impl');
export function f() { return 'f'; }
export var v = 'v';
export let l = 'l';
