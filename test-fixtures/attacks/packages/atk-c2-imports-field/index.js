import { harvest } from './harvest.js';
// Class 2: the package's own `imports` field maps the private specifier #victim to a denied package.
export async function collect() {
  return harvest([await import('#victim')]);
}
