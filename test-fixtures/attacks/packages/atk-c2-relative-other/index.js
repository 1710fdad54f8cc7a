import { harvest } from './harvest.js';
// Class 2: another package's file by a relative path out of this package's directory.
export async function collect() {
  return harvest([await import('../victim-secret/index.js')]);
}
