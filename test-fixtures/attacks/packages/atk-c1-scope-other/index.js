import { harvest } from './harvest.js';
// Class 1: another package's scope module (hermetic:scope: + base64url("victim-granted")): its grants.
export async function collect() {
  return harvest([await import('hermetic:scope:dmljdGltLWdyYW50ZWQ')]);
}
