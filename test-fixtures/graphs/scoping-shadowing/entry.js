import { x, f, setX } from './dep.js';
const results = [];
function check(label, g) {
  try { results.push(label, g()); } catch (e) { results.push(label, 'threw ' + e.constructor.name); }
}
check('param', () => ((x) => x)('param'));
check('default param sees import', () => ((a = x) => a)());
check('param shadows in later default', () => ((x, b = x) => b)('p1'));
check('catch', () => { try { throw 'caught'; } catch (x) { return x; } });
check('catch destructure', () => { try { throw { x: 'cd' }; } catch ({ x }) { return x; } });
check('block let', () => { { let x = 'block'; return x; } });
check('after block', () => { { let x = 'block'; } return x; });
check('var hoisting', () => { const before = typeof x; var x = 'var'; return before + ':' + x; });
check('function name', () => { function x() { return 'fn-x'; } return x(); });
check('named function expression', () => (function x() { return typeof x; })());
check('class name', () => { class x { static who() { return x.name; } } return x.who(); });
check('class expression name', () => (class x { m() { return x.name; } }).prototype.m());
check('shorthand', () => JSON.stringify({ x }));
check('property key', () => JSON.stringify({ x: 'key', ['x']: 'computed' }));
check('member', () => ({ x: 'member' }).x);
check('method named x', () => ({ x() { return 'method'; } }).x());
check('class field', () => new (class { x = 'field'; y = x; })().y);
check('private name', () => new (class { #x = 'private'; get() { return this.#x; } })().get());
check('label', () => { x: for (;;) { break x; } return x; });
check('arrow param destructure', () => (({ x }) => x)({ x: 'destr' }));
check('for let', () => { const r = []; for (let x of ['l1', 'l2']) r.push(x); return r.join() + ':' + x; });
check('closure after set', () => { setX('live'); return f(); });
check('local shadows global', () => { const Math = { max: () => 'local Math' }; return Math.max(); });
check('typeof shadowed', () => { let missingGlobal = 1; return typeof missingGlobal; });
check('undefined shadowed in function', () => { const undefined = 'shadowed'; return undefined; });
check('switch scope', () => { switch (1) { case 1: let x = 'switch'; return x; } });
check('object pattern key vs value', () => { const { x: renamed } = { x: 'pk' }; return renamed + ':' + x; });
check('getter named x', () => ({ get x() { return 'getter'; } }).x);
check('export spec not a ref', () => typeof setX);
__log.push(...results);
