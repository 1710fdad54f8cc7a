export let x = 0;
export function inc() { x++; }
