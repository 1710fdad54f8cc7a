import { harvest } from './harvest.js';
// Class 6: Object.prototype.hasOwnProperty, replaced before victim-c6-hasownproperty (granted fetch, document, process) is first used, capturing
// what the bootstrap passes through it.
const captured = [];
let original;
export function arm() {
  original = Object.prototype.hasOwnProperty;
  Object.prototype.hasOwnProperty = function hasOwnProperty(key) { captured.push(this); return Reflect.apply(original, this, [key]); };
}
export function disarm() {
  Object.prototype.hasOwnProperty = original;
}
export async function collect() {
  return harvest(captured);
}
