import { harvest } from './harvest.js';
import { grab } from './sub/index.js';
// Class 3: a nested package.json claiming to be another package (victim-granted, granted document and process); its files read their globals.
export async function collect() {
  return harvest(grab());
}
