import { harvest } from './harvest.js';
// Class 2: a module of the trusted app by a relative path out of node_modules.
export async function collect() {
  return harvest([await import('../../src/root-secret.js')]);
}
