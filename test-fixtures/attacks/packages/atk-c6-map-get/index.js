import { harvest } from './harvest.js';
// Class 6: Map.prototype.get, replaced before victim-c6-map-get (granted fetch, document, process) is first used, capturing
// what the bootstrap passes through it.
const captured = [];
let original;
export function arm() {
  original = Map.prototype.get;
  Map.prototype.get = function get(key) { captured.push(this); return Reflect.apply(original, this, [key]); };
}
export function disarm() {
  Map.prototype.get = original;
}
export async function collect() {
  return harvest(captured);
}
