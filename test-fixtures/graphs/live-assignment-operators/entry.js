import { n, s, o, ops } from './counter.js';
const seen = [];
for (const [name, op] of Object.entries(ops)) {
  const result = op();
  seen.push(name + ' -> ' + String(result) + ' | n=' + String(n) + ' s=' + String(s) + ' o=' + String(o));
}
__log.push(...seen);
export { n, s, o };
