export let x = 'imported-x';
export function f() { return x; }
export function setX(v) { x = v; }
