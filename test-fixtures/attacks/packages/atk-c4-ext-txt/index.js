import { harvest } from './harvest.js';
import { grab } from './payload.txt';
// Class 4: JavaScript in a .txt file, which the bundler loads as JavaScript; the payload reads its globals.
export async function collect() {
  return harvest(grab());
}
