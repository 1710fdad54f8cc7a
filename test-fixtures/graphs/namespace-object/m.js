export const b = 'b', a = 'a', Z = 'Z', _under = '_', $dollar = '$';
export let undef;
export function fn() {}
export default 'dflt';
export { b as "ab", a as "aa" };
