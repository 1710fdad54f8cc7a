import { harvest } from './harvest.js';
// Class 6: Array.prototype[Symbol.iterator], replaced before victim-c6-array-iterator (granted fetch, document, process) is first used, capturing
// what the bootstrap passes through it.
const captured = [];
let original;
export function arm() {
  original = Array.prototype[Symbol.iterator];
  Array.prototype[Symbol.iterator] = function values() { captured.push(this); return Reflect.apply(original, this, []); };
}
export function disarm() {
  Array.prototype[Symbol.iterator] = original;
}
export async function collect() {
  return harvest(captured);
}
