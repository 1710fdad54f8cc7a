const results = [];
function check(label, g) {
  try { results.push(label, g()); } catch (e) { results.push(label, 'threw ' + e.constructor.name); }
}
check('top-level later let', () => typeof laterLet);
check('top-level later class', () => typeof LaterClass);
check('block tdz', () => { { const r = typeof inner; let inner = 1; return r; } });
check('undeclared', () => typeof notDeclaredAnywhere);
check('function-scoped later var', () => { const r = typeof v; var v = 1; return r; });
let laterLet = 1;
class LaterClass {}
check('after', () => [typeof laterLet, typeof LaterClass]);
__log.push(...results);
