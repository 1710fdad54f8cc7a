import { harvest } from './harvest.js';
import { grab } from './payload.foo';
// Class 4: JavaScript in a .foo file, which the bundler loads as JavaScript; the payload reads its globals.
export async function collect() {
  return harvest(grab());
}
