/**
 * Small module graphs whose native behaviour the compiled records must
 * reproduce exactly: `result` export and the side-effect `log` (a host global).
 */
export interface GraphCase {
  name: string;
  files: { [name: string]: string };
  entry?: string;
}

export const corpus: GraphCase[] = [
  {
    name: 'live bindings through every assignment form (15)',
    files: {
      'main.js': `import { n, inc, obj, arr, setMany, loopOf, loopIn, logical, reset } from './counter.js';
        const seen = [n];
        inc(); seen.push(n);
        setMany(); seen.push(n, obj, arr);
        loopOf(); seen.push(n);
        loopIn(); seen.push(n);
        logical(); seen.push(n);
        reset(); seen.push(n);
        export const result = seen;`,
      'counter.js': `export let n = 0, obj = 1; export var arr = 'a';
        export function inc() { n++; ++n; n += 10; n = n * 2; }
        export function setMany() { ({ n, obj = 'd' } = { n: 7 }); [arr, ...obj] = ['x', 'y', 'z']; }
        export function loopOf() { const s = []; for (n of [3, 4]) s.push(n); log.push(s); }
        export function loopIn() { for (n in { p: 1, q: 2 }) log.push(n); }
        export function logical() { n &&= 'and'; n ||= 'or'; n ??= 'nn'; }
        export function reset() { n = 0; n--; }`,
    },
  },
  {
    name: 'importer sees each iteration of an exported for-of head (15)',
    files: {
      'main.js': `import { v, run } from './loop.js';
        export const result = run(() => v);`,
      'loop.js': `export var v = 'start';
        export function run(read) { const seen = []; for (v of [1, 2, 3]) seen.push(read()); for (var v in { a: 1 }) seen.push(read()); return seen; }`,
    },
  },
  {
    name: 'TDZ on the importer side and the exporter side (16)',
    files: {
      'main.js': `import { early } from './a.js';
        export const result = early;`,
      'a.js': `import { late } from './b.js';
        let early;
        try { late; early = 'no error'; } catch (e) { early = e.constructor.name; }
        export { early };`,
      'b.js': `import './a.js'; export let late = 1;`,
    },
  },
  {
    name: 'reading an uninitialised export in a cycle throws ReferenceError (16)',
    files: {
      'main.js': `import { x } from './b.js'; export const result = x;`,
      'b.js': `import { result as r } from './main.js'; log.push(typeof r === 'undefined' ? 'never' : 'x'); export const x = 1;`,
    },
  },
  {
    name: 'hoisted exported functions callable across a cycle before evaluation (17)',
    files: {
      'main.js': `import { even } from './even.js'; export const result = [even(10), even(7)];`,
      'even.js': `import { odd } from './odd.js'; log.push('even ran', odd(3)); export function even(n) { return n === 0 ? true : odd(n - 1); }`,
      'odd.js': `import { even } from './even.js'; log.push('odd ran', even(2)); export function odd(n) { return n === 0 ? false : even(n - 1); }`,
    },
  },
  {
    name: 'string export names and renamed re-exports (21)',
    files: {
      'main.js': `import { "a-b" as ab, c, "✓" as check } from './lib.js'; import * as ns from './lib.js';
        export const result = [ab, c, check, Object.keys(ns)];`,
      'lib.js': `const x = 1, y = 2; export { x as "a-b", y as c }; export { x as "✓" }; export { "a-b" as again } from './lib.js';`,
    },
  },
  {
    name: 'export default naming: anonymous function, class, arrow; named forms (21)',
    files: {
      'main.js': `import f from './f.js'; import C from './c.js'; import a from './a.js'; import n from './n.js'; import e from './e.js'; import k from './k.js';
        export const result = [f.name, C.name, a.name, n.name, e, k.name, typeof f, new C() instanceof C];`,
      'f.js': `export default function () { return 1; }`,
      'c.js': `export default class {}`,
      'a.js': `export default () => 2;`,
      'n.js': `export default function named() {} named.extra = 1;`,
      'e.js': `let v = 5; export default v; v = 6;`,
      'k.js': `export default (class {});`,
    },
  },
  {
    name: 'hoisted anonymous default function usable in a cycle (17)',
    files: {
      'main.js': `import def from './d.js'; export const result = def();`,
      'd.js': `import m from './m.js'; log.push(m); export default function () { return 'def'; }`,
      'm.js': `import d from './d.js'; export default d();`,
    },
  },
  {
    name: 'globals: ReferenceError, typeof, this in calls, writes (24)',
    files: {
      'main.js': `const out = [];
        out.push(typeof notAGlobal, typeof Math);
        try { notAGlobal; } catch (e) { out.push(e.constructor.name); }
        try { notAGlobal = 1; } catch (e) { out.push(e.constructor.name); }
        globalThis.probe = function () { return this === undefined; };
        out.push(probe(), probe\`x\`);
        globalThis.counterG = 1; counterG += 2; counterG++; [counterG] = [counterG * 10]; out.push(counterG);
        for (counterG of [7]); out.push(counterG, globalThis.counterG);
        out.push(undefined === void 0, NaN !== NaN, Infinity > 1);
        const o = { Math }; out.push(o.Math === Math);
        delete globalThis.probe; delete globalThis.counterG;
        export const result = out;`,
    },
  },
  {
    name: 'module this is undefined; top-level arguments is a global reference (22, 24)',
    files: {
      'main.js': `const out = [this === undefined, (() => this)() === undefined];
        try { arguments; out.push('no error'); } catch (e) { out.push(e.constructor.name); }
        out.push((() => { try { return arguments; } catch (e) { return e.constructor.name; } })());
        out.push((function () { return arguments.length; })(1, 2));
        export const result = out;`,
    },
  },
  {
    name: 'scoping: shadowing by params, defaults, catch, blocks, classes, labels',
    files: {
      'main.js': `import { x } from './x.js';
        const out = [];
        function f(x = 2) { return x; } out.push(f());
        function g(a = () => x) { var x = 3; return a(); } out.push(g());
        try { throw 4; } catch (x) { out.push(x); }
        { let x = 5; out.push(x); }
        { function x2() { return x; } out.push(x2()); }
        class x3 { static m() { return x3.name + x; } } out.push(x3.m());
        const C = class x { m() { return typeof x; } }; out.push(new C().m());
        x: for (const i of [1]) { out.push(x); break x; }
        out.push(({ x }).x, ({ x: x }).x, ({ [x]: 1 })[1]);
        const { x: renamed = x } = {}; out.push(renamed);
        out.push(((x) => x)(6), (function x() { return typeof x; })());
        switch (1) { case 1: let x = 7; out.push(x); }
        for (let x = 8; x < 9; x++) out.push(x);
        export const result = out;`,
      'x.js': `export const x = 1;`,
    },
  },
  {
    name: 'writes to imports throw TypeError after evaluating the right side',
    files: {
      'main.js': `import { a } from './a.js'; import * as ns from './a.js';
        const out = [];
        const t = (f) => { try { f(); out.push('no error'); } catch (e) { out.push(e.constructor.name); } };
        t(() => { a = (log.push('rhs'), 2); });
        t(() => { a += 1; });
        t(() => { a++; });
        t(() => { [a] = [1]; });
        t(() => { ({ a } = { a: 1 }); });
        t(() => { for (a of [1]); });
        t(() => { ns = 1; });
        out.push(a);
        export const result = out;`,
      'a.js': `export let a = 1;`,
    },
  },
  {
    name: 'namespace objects, export * and export * as (18, 19, 21)',
    files: {
      'main.js': `import * as ns from './all.js'; import { inner } from './all.js';
        export const result = [Object.keys(ns), ns.inner === inner, Object.keys(inner), ns.a, Object.prototype.toString.call(ns)];`,
      'all.js': `export * from './a.js'; export * from './b.js'; export * as inner from './a.js';`,
      'a.js': `export const a = 'a'; export const dup = 1; export default 'no';`,
      'b.js': `export const b = 'b'; export const dup = 2;`,
    },
  },
  {
    name: 'import then re-export (indirect) and local export of a namespace',
    files: {
      'main.js': `import { y, ns2, d } from './mid.js'; export const result = [y, ns2.v, d];`,
      'mid.js': `import { v as y } from './v.js'; import * as ns2 from './v.js'; import d from './v.js'; export { y, ns2, d };`,
      'v.js': `export const v = 'v'; export default 'dflt';`,
    },
  },
  {
    name: 'evaluation order and single evaluation (23)',
    files: {
      'main.js': `import './a.js'; import './b.js'; log.push('main'); export const result = 'ok';`,
      'a.js': `import './c.js'; log.push('a');`,
      'b.js': `import './c.js'; log.push('b');`,
      'c.js': `log.push('c');`,
    },
  },
  {
    name: 'top-level await (23)',
    files: {
      'main.js': `import { v } from './tla.js'; log.push('main', v); export const result = v;`,
      'tla.js': `log.push('tla start'); export const v = await Promise.resolve(42); for await (const x of [1]) log.push(x); log.push('tla end');`,
    },
  },
  {
    name: 'class name binding inside its own body vs outer exported class',
    files: {
      'main.js': `import { K, swap } from './k.js'; const first = K.self(); swap(); export const result = [first, typeof K, K.name];`,
      'k.js': `export class K { static self() { return K === Inner; } } const Inner = K; export function swap() { K = function Other() {}; }`,
    },
  },
  {
    name: 'dynamic import and import.meta (4, 12)',
    files: {
      'main.js': `const ns = await import('./dep.js'); export const result = [ns.v, typeof import.meta, import.meta !== null];`,
      'dep.js': `export const v = 'dyn';`,
    },
  },
  {
    name: 'exported let initialised in several declarators; var in nested blocks',
    files: {
      'main.js': `import { a, b, c, d, e } from './m.js'; export const result = [a, b, c, d, e];`,
      'm.js': `import * as self from './m.js';
        export let a = 1, b = self.a + 1, [c] = [self.b + 1];
        if (true) { var d = 'd'; }
        for (var e = 0; e < 3; e++);`,
    },
  },
  {
    name: 'evaluation errors propagate with their type (14)',
    files: {
      'main.js': `import './bad.js'; export const result = 'unreachable';`,
      'bad.js': `null.x;`,
    },
  },
  {
    name: 'block-scoped functions in strict code do not leak; hoisting within the block',
    files: {
      'main.js': `const out = [];
        { out.push(typeof inner, inner()); function inner() { return 'in'; } }
        out.push(typeof inner);
        if (true) { function cond() { return 1; } out.push(cond()); }
        out.push(typeof cond);
        export const result = out;`,
    },
  },
  {
    name: 'export var is hoisted as undefined across a cycle; export class stays in TDZ (16, 17)',
    files: {
      'main.js': `import { v, readK } from './a.js'; export const result = [v, readK()];`,
      'a.js': `import { peek } from './b.js'; export var v = 'set'; export class K {} export function readK() { return typeof K; } log.push(peek());`,
      'b.js': `import { v, K } from './a.js'; export function peek() { return [v]; }
        let early; try { K; early = 'no'; } catch (e) { early = e.constructor.name; } log.push(early, v === undefined);`,
    },
  },
  {
    name: 'export default of an import, of a global, of an expression with side effects',
    files: {
      'main.js': `import a from './a.js'; import g from './g.js'; import s from './s.js'; export const result = [a, g, s];`,
      'a.js': `import { x } from './x.js'; export default x;`,
      'x.js': `export const x = 'x';`,
      'g.js': `export default typeof Math.max;`,
      's.js': `export default (log.push('evaluated once'), 'side');`,
    },
  },
  {
    name: 'a prefix collision: the text contains $h',
    files: {
      'main.js': `const $h = 1, $hg = 2, $hx = 3; import { v } from './v.js'; export let w = $h + $hg + $hx; w++; export const result = [w, v, typeof Math];`,
      'v.js': `export const v = '$h1 $h2';`,
    },
  },
  {
    name: 'imports in calls, tags, new, optional calls, computed keys and typeof (TDZ-safe reads)',
    files: {
      'main.js': `import { fn, Cls, tag, key, maybe } from './lib.js';
        const out = [];
        out.push(fn(), tag\`t\`, new Cls().v, maybe?.(), ({ [key]: 1 }).k, typeof fn, class { [key]() {} }.prototype.k !== undefined);
        out.push(fn.call('this'), (0, fn)());
        export const result = out;`,
      'lib.js': `export function fn() { return this === undefined ? 'undef' : String(this); }
        export class Cls { v = 'cls'; } export const tag = (s) => s[0]; export const key = 'k'; export let maybe = null;`,
    },
  },
  {
    name: 'typeof of an import in its TDZ throws ReferenceError (16)',
    files: {
      'main.js': `import './a.js'; export const result = 'done';`,
      'a.js': `import { late } from './b.js'; export function probe() { try { return typeof late; } catch (e) { return e.constructor.name; } }`,
      'b.js': `import { probe } from './a.js'; log.push(probe()); export let late = 1; log.push(probe());`,
    },
  },
  {
    name: 'writing an exported const throws TypeError; exported locals shadowed in functions are untouched',
    files: {
      'main.js': `import { c, shadow, n } from './c.js'; export const result = [c, shadow(), n];`,
      'c.js': `export const c = 1; export let n = 0;
        try { c = 2; } catch (e) { log.push(e.constructor.name); }
        export function shadow() { let n = 5; n++; [n] = [9]; for (n of [7]); return n; }`,
    },
  },
  {
    name: 'labels, continue and exported for-of heads with non-block bodies',
    files: {
      'main.js': `import { i, run } from './l.js'; export const result = run(() => i);`,
      'l.js': `export let i = 0;
        export function run(read) { const seen = []; outer: for (i of [1, 2, 3]) for (const j of [0]) { if (i === 2) continue outer; seen.push(read()); } for (i in { x: 1 }) seen.push(read()); return seen; }`,
    },
  },
  {
    name: 'object methods, getters and class members named like imports and globals',
    files: {
      'main.js': `import { a } from './a.js';
        const o = { a() { return 'm'; }, get Math() { return 'g'; }, a2: a, async *gen() {} };
        class K { a = a; static Math = Math.PI > 3; #a = a; get a3() { return this.#a; } static { this.s = a; } }
        const k = new K();
        export const result = [o.a(), o.Math, o.a2, k.a, K.Math, k.a3, K.s];`,
      'a.js': `export const a = 'A';`,
    },
  },
  {
    name: 'arguments inside nested arrows of functions is the function\u2019s own',
    files: {
      'main.js': `function f() { return (() => (() => arguments[0])())(); }
        const g = () => { try { return arguments.length; } catch (e) { return e.constructor.name; } };
        export const result = [f('own'), g()];`,
    },
  },
  {
    name: 'namespace objects read through live exports and TDZ',
    files: {
      'main.js': `import * as ns from './m.js'; import { bump } from './m.js';
        const before = ns.count; bump(); export const result = [before, ns.count, Object.keys(ns)];`,
      'm.js': `export let count = 1; export function bump() { count += 1; }`,
    },
  },
  {
    name: 'hashbang line, __proto__ and reserved words as export names',
    files: {
      'main.js': `import * as ns from './odd.js'; import { __proto__ as p, if as i } from './odd.js';
        export const result = [p, i, Object.keys(ns), Object.getPrototypeOf(ns) === null];`,
      'odd.js': `#!/usr/bin/env node
        const a = 'proto', b = 'if'; export { a as __proto__, b as if };`,
    },
  },
  {
    name: 'anonymous functions assigned to globals keep their names (NamedEvaluation)',
    files: {
      'main.js': `globalThis.gf = globalThis.gx = globalThis.gy = globalThis.gz = undefined;
        gf = function () {}; [gx = () => {}] = []; ({ gy = class {} } = {}); gz ??= (function () {});
        export const result = [gf.name, gx.name, gy.name, gz.name];
        delete globalThis.gf; delete globalThis.gx; delete globalThis.gy; delete globalThis.gz;`,
    },
  },
  {
    name: 'a prefix spelled with unicode escapes (\\u0024hg) cannot capture the global scope alias',
    files: {
      'main.js': `const \\u0024hg = 'mine', \\u{24}h\\u0078 = 'also mine'; export const result = [$hg, $hx, typeof Math];`,
    },
  },
];
