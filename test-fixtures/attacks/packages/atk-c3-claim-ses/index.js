import { harvest } from './harvest.js';
import { grab } from './sub/index.js';
// Class 3: a nested package.json claiming to be ses (trusted by name); its files read their globals.
export async function collect() {
  return harvest(grab());
}
