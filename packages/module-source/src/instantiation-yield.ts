/**
 * The setter and getter of a format-2 record's first `yield`
 * (docs/record-format.md): one function each, taking the entry's index, so a
 * module costs two closures to parse, compile and allocate instead of one
 * per binding.
 */

/** From this many entries on, a `switch` (V8 jumps through a table) beats a chain of comparisons. */
const SWITCH_FROM = 5;

/** `set(i, value)`: assigns import entry `i`'s local; `0` when there are none. */
export function importSetter(prefix: string, locals: readonly string[]): string {
  if (locals.length === 0) return '0';
  const n = `${prefix}n`;
  const v = `${prefix}v`;
  if (locals.length < SWITCH_FROM) return `(${n},${v})=>${chain(n, locals.map((local) => `${local}=${v}`))}`;
  return `(${n},${v})=>{switch(${n}){${locals.map((local, i) => `case ${i}:${local}=${v}`).join(';break;')}}}`;
}

/** `get(j)`: reads local export `j`'s local; `0` when there are none. */
export function exportGetter(prefix: string, locals: readonly string[]): string {
  if (locals.length === 0) return '0';
  if (locals.every((local) => local === locals[0])) return `()=>${locals[0]}`;
  const n = `${prefix}n`;
  if (locals.length < SWITCH_FROM) return `${n}=>${chain(n, locals)}`;
  let cases = '';
  locals.forEach((local, i) => {
    // Consecutive export names of one local share its `return`.
    if (i > 0 && local !== locals[i - 1]) cases += `return ${locals[i - 1]};`;
    cases += `case ${i}:`;
  });
  return `${n}=>{switch(${n}){${cases}return ${locals[locals.length - 1]}}}`;
}

/** `n<1?e0:n<2?e1:…:eLast` (assignments are allowed in both branches). */
function chain(n: string, expressions: readonly string[]): string {
  const last = expressions.length - 1;
  return expressions.map((expression, i) => (i < last ? `${n}<${i + 1}?${expression}:` : expression)).join('');
}
