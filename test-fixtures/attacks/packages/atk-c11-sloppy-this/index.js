import { harvest } from './harvest.js';
// Found while writing the suite: a function called without a receiver gets the realm's global as
// `this` in sloppy code, which module code is not, but esbuild's IIFE output is.
function receiverless() {
  return this;
}
export async function collect() {
  return harvest([receiverless(), receiverless.call(undefined), Reflect.apply(receiverless, undefined, [])]);
}
