import { b, bFn, setA } from './b.js';
__log.push('a:start', b, bFn());
export let a = 'a0';
export function aFn() {
  try { return 'aFn sees b=' + b; } catch (e) { return 'aFn: b is ' + e.constructor.name; }
}
export function bumpB() { setA('a-from-b'); }
a = 'a1';
__log.push('a:end', a);
