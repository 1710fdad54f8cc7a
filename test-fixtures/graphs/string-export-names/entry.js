import { "a-b" as ab, "with space" as ws, "ünï" as uni, "😀" as emoji, set } from './m.js';
import { "c d" as cd, plain } from './re.js';
import * as ns from './re.js';
__log.push(ab, ws, uni, emoji, cd, plain);
set('changed');
__log.push(ab, cd, ns['c d'], Object.keys(ns));
export { ab as "exported-again", ns as "the ns" };
