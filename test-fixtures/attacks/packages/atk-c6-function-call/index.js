import { harvest } from './harvest.js';
// Class 6: Function.prototype.call, replaced before victim-c6-function-call (granted fetch, document, process) is first used, capturing
// what the bootstrap passes through it.
const captured = [];
let original;
export function arm() {
  original = Function.prototype.call;
  const apply = Reflect.apply;
  Function.prototype.call = function call(thisArgument, ...args) { captured.push(this, thisArgument, ...args); return apply(this, thisArgument, args); };
}
export function disarm() {
  Function.prototype.call = original;
}
export async function collect() {
  return harvest(captured);
}
