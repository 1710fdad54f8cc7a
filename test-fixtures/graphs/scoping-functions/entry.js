import { base, Base, gen, asyncValue, bump } from './dep.js';
const results = [];
function check(label, g) {
  try { results.push(label, g()); } catch (e) { results.push(label, 'threw ' + e.constructor.name); }
}
check('arguments', () => (function () { return Array.from(arguments).join(); })(1, 2, 3));
check('arrow inherits arguments', () => (function () { return (() => arguments[0])(); })('outer-arg'));
check('new.target', () => { function F() { return new.target === F; } return [new F() instanceof F, F()]; });
check('method this', () => ({ v: 'obj', m() { return this.v; } }).m());
check('arrow in method this', () => ({ v: 'obj2', m() { return (() => this.v)(); } }).m());
check('super', () => { class D extends Base { who() { return 'D>' + super.who(); } } return new D().who(); });
check('super in object literal', () => { const o = { __proto__: { h() { return 'proto'; } }, h() { return super.h() + '+'; } }; return o.h(); });
check('generator closure', () => [...gen()].join());
check('callback sees live import', () => [1, 2].map(() => { bump(); return base; }).join());
check('getter over import', () => ({ get b() { return base; } }).b);
check('setter param', () => { let got; const o = { set s(base) { got = base; } }; o.s = 'setter-param'; return got; });
check('static block', () => { class S { static v; static { S.v = base; } } return S.v; });
check('eval-free Function', () => typeof Function);
check('async fn', () => typeof asyncValue().then);
const awaited = await asyncValue();
results.push('awaited', awaited);
__log.push(...results);
