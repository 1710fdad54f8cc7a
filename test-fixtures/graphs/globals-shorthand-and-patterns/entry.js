globalThis.gA = 'A';
globalThis.gB = 'B';
globalThis.Base = class { base() { return 'base'; } };
const results = [];
function check(label, g) {
  try { results.push(label, g()); } catch (e) { results.push(label, 'threw ' + e.constructor.name); }
}
check('shorthand', () => JSON.stringify({ gA, gB }));
check('shorthand missing', () => ({ missingGlobal }));
check('destructure shorthand', () => { ({ gA, gB = 'unused' } = { gA: 'A2' }); return [globalThis.gA, globalThis.gB]; });
check('destructure default', () => { ({ gB = 'B-default' } = {}); return globalThis.gB; });
check('array target', () => { [gA, ...gB] = [1, 2, 3]; return [globalThis.gA, globalThis.gB]; });
check('computed key', () => ({ [gA]: 'computed' }));
check('spread', () => [...gB]);
check('heritage', () => new (class extends Base {})().base());
check('default param', () => ((p = gA) => p)());
check('member assign', () => { gB.extra = 'x'; return gB.extra; });
check('nested fn typeof', () => (function () { return typeof gA + typeof missingGlobal; })());
check('Math shadow in pattern', () => { const { max } = Math; return max(3, 4); });
__log.push(...results);
