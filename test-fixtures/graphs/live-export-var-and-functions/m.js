import './early.js';
export var v = 'v1';
var v;
export { w };
var w = 'w1', unexported = 'u';
export function fn() { return 'fn1'; }
export class Klass {}
{
  function fn() { return 'block-scoped, not the export'; }
  fn();
}
if (true) { var v = 'v2-from-block'; }
export function reassign() {
  v = 'v3';
  fn = function renamed() { return 'fn2'; };
  Klass = 'no longer a class';
  w += '+';
}
