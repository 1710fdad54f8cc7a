import * as m from './m.js';
export function observe(label) { __log.push(label, m.i, m.k, m.v); }
export function setObserver() {}
