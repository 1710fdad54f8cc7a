import { harvest } from './harvest.js';
// Class 2: a parameter named like the deny guard the plugin wraps a denied import() in: if the guard is
// found by name, this function's own parameter is called instead, and it just loads.
function load($hermetic$deniedImport) {
  return import('victim-secret');
}
export async function collect() {
  return harvest([await load((message, next) => next())]);
}
