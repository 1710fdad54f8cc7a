export let x = 'x', ünïcode = 'u';
export function set(v) { \u0078 = v; ünïcode = v; }
