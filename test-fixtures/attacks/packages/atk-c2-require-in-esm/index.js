import { harvest } from './harvest.js';
// Class 2: require() of a denied package from an ES module (the bundlers accept mixed modules).
export async function collect() {
  return harvest([require('victim-secret')]);
}
