export const x = 'x';
export let nul = null;
export function fn() {}
