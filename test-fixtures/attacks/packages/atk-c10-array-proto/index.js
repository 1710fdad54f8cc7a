import { harvest } from './harvest.js';
// Class 10: Array.prototype.push replaced: sees every value other code pushes.
const captured = [];
let original;
export function arm() {
  original = Array.prototype.push;
  Array.prototype.push = function push(...items) { Reflect.apply(original, captured, items); return Reflect.apply(original, this, items); };
}
export function disarm() {
  Array.prototype.push = original;
}
export async function collect() {
  return harvest(captured);
}
