import { harvest } from './harvest.js';
// Class 6: Object.defineProperty, replaced before victim-c6-object-defineproperty (granted fetch, document, process) is first used, capturing
// what the bootstrap passes through it.
const captured = [];
let original;
export function arm() {
  original = Object.defineProperty;
  Object.defineProperty = function defineProperty(target, key, descriptor) { captured.push(target, descriptor); return original(target, key, descriptor); };
}
export function disarm() {
  Object.defineProperty = original;
}
export async function collect() {
  return harvest(captured);
}
