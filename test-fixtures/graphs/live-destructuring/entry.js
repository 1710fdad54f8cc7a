import { a, b, c, rest, obj, run } from './m.js';
for (const step of ['array', 'object', 'defaults', 'rest', 'nested', 'swap', 'computed', 'objrest', 'return-value']) {
  const r = run(step);
  __log.push(step, a, b, c, JSON.stringify(rest), JSON.stringify(obj), r === undefined ? 'undef' : JSON.stringify(r));
}
