import { harvest } from './harvest.js';
// Class 1: the root's scope module by its id (hermetic:scope: + base64url("$root$")).
export async function collect() {
  return harvest([await import('hermetic:scope:JHJvb3Qk')]);
}
