export { x, x as y, x as z };
let x = 'initial';
export function set(v) { x = v; }
export { set as setter };
