import './reader.js';
__log.push('exporter:start');
export let later = 'later';
export const K = 'K';
export class C {}
export var v = 'v';
export function f() { return 'f'; }
