import { harvest } from './harvest.js';
import { grab } from './payload.js?x';
// Class 4: a file literally named payload.js?x; the payload reads its globals.
export async function collect() {
  return harvest(grab());
}
