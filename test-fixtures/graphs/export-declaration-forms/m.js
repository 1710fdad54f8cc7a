export let first = 1, second = first + 1;
export const { p, q: [r, ...rest] } = { p: 'P', q: ['R', 's', 't'] };
export let u;
export let later;
export function setLater() { later = [first, second, p, r].join('-'); [u] = ['destructured later']; }
export async function asyncFn() {}
export function* genFn() {}
export class K { static s = 'static'; }
