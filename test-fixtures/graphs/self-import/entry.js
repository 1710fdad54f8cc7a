import { own as mine, bump as bumpAlias } from './entry.js';
import * as self from './entry.js';
let before;
try { before = mine; } catch (e) { before = e.constructor.name; }
const hoisted = bumpAlias === bump;
export let own = 1;
bumpAlias();
__log.push(before, hoisted, own, mine, self.own);
export function bump() { own++; }
const pending = import('./entry.js');
pending.then((ns) => __log.push('dynamic self', ns === self));
