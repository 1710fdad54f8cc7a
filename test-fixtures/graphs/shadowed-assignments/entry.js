import { imp } from './dep.js';
import { runEarly } from './cyclic.js';
const results = [];
function check(label, g) {
  try { results.push(label, g()); } catch (e) { results.push(label, 'threw ' + e.constructor.name); }
}
check('param write', () => ((imp) => { imp = 'p'; imp++; return imp; })(1));
check('let write', () => { let imp = 1; imp += 2; [imp] = [imp * 2]; return imp; });
check('var write', () => { var imp; imp = 'v'; return imp; });
check('catch write', () => { try { throw 1; } catch (imp) { imp = 'c'; return imp; } });
check('for-of shadow', () => { const r = []; for (let imp of [1, 2]) { imp *= 10; r.push(imp); } return r.join(); });
check('class name write inside method', () => { class imp { static m() { return typeof imp; } } return imp.m(); });
check('function name', () => { function imp() { return 'fn'; } imp = 'reassigned'; return imp; });
check('nested arrow param', () => [1].map((imp) => (imp = imp + 1)).join());
check('import untouched', () => imp);
check('cyclic early', () => runEarly());
__log.push(...results);
