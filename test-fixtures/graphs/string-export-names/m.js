let x = 'x';
export { x as "a-b", x as "with space", x as "ünï", x as "😀", x as "Z" };
export function set(v) { x = v; }
