import { x, nul, fn } from './dep.js';
import * as ns from './dep.js';
const results = [];
let effects = [];
const effect = (name, v) => { effects.push(name); return v; };
function check(label, g) {
  effects = [];
  try { results.push(label, g(), effects.join()); } catch (e) { results.push(label, 'threw ' + e.constructor.name, effects.join()); }
}
check('assign', () => { x = effect('rhs', 1); });
check('compound', () => { x += effect('rhs', 1); });
check('prefix', () => { ++x; });
check('postfix', () => { x--; });
check('or-assign truthy', () => (x ||= effect('rhs', 'unused')));
check('and-assign truthy', () => { x &&= effect('rhs', 'used'); });
check('nullish-assign non-null', () => (x ??= effect('rhs', 'unused')));
check('nullish-assign null', () => { nul ??= effect('rhs', 'used'); });
check('destructure', () => { [x] = [effect('rhs', 1)]; });
check('destructure default', () => { ({ a: x = effect('default', 2) } = {}); });
check('for-of', () => { for (x of [effect('iter', 1)]) effects.push('body'); });
check('for-in', () => { for (x in { k: 1 }) effects.push('body'); });
check('function import', () => { fn = null; });
check('namespace write', () => { ns.x = 1; });
check('after all', () => [x, nul, typeof fn]);
__log.push(...results);
