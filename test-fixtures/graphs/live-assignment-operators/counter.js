export let n = 10;
export let s = 'x';
export let o = null;
export const ops = {
  assign: () => n = 3,
  add: () => n += 4,
  sub: () => n -= 1,
  mul: () => n *= 5,
  div: () => n /= 2,
  mod: () => n %= 4,
  exp: () => n **= 3,
  shl: () => n <<= 2,
  shr: () => n >>= 1,
  ushr: () => n >>>= 1,
  and: () => n &= 6,
  or: () => n |= 9,
  xor: () => n ^= 5,
  concat: () => s += 'y',
  orAssignFalsy: () => o ||= 'filled',
  orAssignTruthy: () => o ||= 'not used',
  andAssign: () => o &&= 'and-ed',
  nullishSkipped: () => o ??= 'nope',
  nullishAssign: () => { o = null; return o ??= 'nullish'; },
  chained: () => n = s = 'both',
  sequence: () => (n = 1, n = 2, n),
  inCondition: () => (n = 0) ? 'truthy' : 'falsy',
  inArgument: () => String(n = 42),
};
