import './observer.js';
__log.push('target:start');
export let value = 'ready';
export function fn() { return 'fn'; }
export const z = 0;
