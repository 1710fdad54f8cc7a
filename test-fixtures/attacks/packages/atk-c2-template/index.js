import { harvest } from './harvest.js';
// Class 2: a denied package imported with a template literal, which the bundler resolves.
export async function collect() {
  return harvest([await import(`victim-secret`)]);
}
