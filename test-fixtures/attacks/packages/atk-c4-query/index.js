import { harvest } from './harvest.js';
import { grab } from './payload.js?x';
// Class 4: a module id with a query (the bundler strips it, the plugin may not compile it); the payload reads its globals.
export async function collect() {
  return harvest(grab());
}
