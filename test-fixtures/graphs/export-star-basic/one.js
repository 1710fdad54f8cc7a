export let one = 1;
export function bump() { one++; }
export default 'one-default';
export const local = 'shadowed by barrel';
export { shared } from './shared.js';
