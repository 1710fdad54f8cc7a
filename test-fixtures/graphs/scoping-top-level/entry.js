const results = [];
function check(label, g) {
  try { results.push(label, g()); } catch (e) { results.push(label, 'threw ' + e.constructor.name); }
}
check('hoisted var before', () => hoistedVar);
check('hoisted fn before', () => parseInt('12'));
check('later let via closure', () => { try { return laterLet; } catch (e) { return 'TDZ ' + e.constructor.name; } });
check('class before', () => typeof Map);
check('block function', () => { { function inner() { return 'inner'; } } return typeof inner; });
check('nested block function', () => { if (true) { function inner2() { return 'i2'; } return inner2(); } });
var hoistedVar = 'var value';
function parseInt(s) { return 'local parseInt(' + s + ')'; }
const JSON = { stringify: () => 'local JSON' };
class Map { static kind = 'local Map'; }
let laterLet = 'later';
check('after', () => [hoistedVar, parseInt('1'), JSON.stringify(1), Map.kind, laterLet]);
check('globalThis.JSON is real', () => globalThis.JSON.stringify([1]));
check('globalThis.parseInt is real', () => globalThis.parseInt('7'));
check('var not on global', () => 'hoistedVar' in globalThis);
check('function not on global', () => globalThis.parseInt === parseInt);
__log.push(...results);
export { hoistedVar, laterLet };
