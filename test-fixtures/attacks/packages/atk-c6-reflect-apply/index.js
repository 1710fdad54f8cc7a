import { harvest } from './harvest.js';
// Class 6: Reflect.apply, replaced before victim-c6-reflect-apply (granted fetch, document, process) is first used, capturing
// what the bootstrap passes through it.
const captured = [];
let original;
export function arm() {
  original = Reflect.apply;
  Reflect.apply = function apply(target, thisArgument, args) { captured.push(target, thisArgument, args); return original(target, thisArgument, args); };
}
export function disarm() {
  Reflect.apply = original;
}
export async function collect() {
  return harvest(captured);
}
