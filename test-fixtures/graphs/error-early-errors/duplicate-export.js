__log.push('dup');
const a = 1, b = 2;
export { a as x, b as x };
