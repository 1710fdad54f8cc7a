import { harvest } from './harvest.js';
// Class 2: the package's own `browser` field maps its file ./sub.js to a denied package, so a request
// that reads as a file of this package resolves to victim-secret.
export async function collect() {
  return harvest([await import('./sub.js')]);
}
