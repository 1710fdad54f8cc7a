import { harvest } from './harvest.js';
// Class 6: Reflect.getOwnPropertyDescriptor, replaced before victim-c6-reflect-gopd (granted fetch, document, process) is first used, capturing
// what the bootstrap passes through it.
const captured = [];
let original;
export function arm() {
  original = Reflect.getOwnPropertyDescriptor;
  Reflect.getOwnPropertyDescriptor = function getOwnPropertyDescriptor(target, key) { captured.push(target); return original(target, key); };
}
export function disarm() {
  Reflect.getOwnPropertyDescriptor = original;
}
export async function collect() {
  return harvest(captured);
}
