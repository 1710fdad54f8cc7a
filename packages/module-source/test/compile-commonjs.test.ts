import vm from 'node:vm';
import { compileCommonJS } from '../src/index.js';

const PARAMS = ['exports', 'require', 'module', '__filename', '__dirname'] as const;

interface Outcome {
  exports: unknown;
  leaked: Record<string, unknown>;
  error?: string;
}

function freshGlobal(): { context: vm.Context; global: Record<string, unknown> } {
  const context = vm.createContext({ present: { v: 42 }, counter: 1 });
  return { context, global: vm.runInContext('globalThis', context) as Record<string, unknown> };
}

function fakeRequire(specifier: string): unknown {
  return { required: specifier };
}

function leakedNames(global: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of ['leak', 'nope', 'strictLeak', 'x', 'f', 'counter']) if (name in global) out[name] = global[name];
  return out;
}

/** Node's own semantics: the text as the body of the CommonJS wrapper, run in a context whose global is the fake one. */
function runNative(text: string): Outcome {
  const { context, global } = freshGlobal();
  const wrapper = vm.runInContext(`(function (${PARAMS.join(',')}) {${text}\n})`, context) as (...args: unknown[]) => void;
  const module = { exports: {} as Record<string, unknown> };
  try {
    wrapper.call(module.exports, module.exports, fakeRequire, module, '/x/index.js', '/x');
  } catch (error) {
    return { exports: module.exports, leaked: leakedNames(global), error: `${(error as Error).name}: ${(error as Error).message}` };
  }
  return { exports: JSON.parse(JSON.stringify(module.exports)), leaked: leakedNames(global) };
}

/** A scope object over `global` as the runtime builds one: absent names throw, sloppy writes create. */
function scopeOf(global: Record<string, unknown>, names: string[], strict: boolean): object {
  const scope = {};
  for (const name of names) {
    Object.defineProperty(scope, name, {
      get() {
        if (!(name in global)) throw new ReferenceError(`${name} is not defined`);
        return global[name];
      },
      set(value: unknown) {
        if (strict && !(name in global)) throw new ReferenceError(`${name} is not defined`);
        Reflect.set(global, name, value);
      },
    });
  }
  return scope;
}

/** The compiled text in this (the host) realm, every free name going through a scope object over the fake global. */
function runCompiled(text: string): Outcome & { code: string } {
  const { global } = freshGlobal();
  const compiled = compileCommonJS(text, {
    specifier: 'cjs.js',
    scopePrelude: ({ prefix }) => `var ${prefix}g=${prefix}s.g,${prefix}t=${prefix}s.t,${prefix}y=${prefix}s.y,${prefix}w=${prefix}s.w;`,
  });
  const s = `${compiled.prefix}s`;
  const hostGlobal = globalThis;
  const scope = {
    g: scopeOf(global, compiled.globals, compiled.strict),
    t: scopeOf(global, compiled.globals, true),
    y: (name: string) => (name in global ? typeof global[name] : 'undefined'),
    w: (value: unknown) => (value === hostGlobal ? global : value),
  };
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the test's own wrapper, as a bundler's
  const wrapper = new Function(s, `return function (${PARAMS.join(',')}) {${compiled.code}\n}`)(scope) as (...args: unknown[]) => void;
  const module = { exports: {} as Record<string, unknown> };
  try {
    wrapper.call(module.exports, module.exports, fakeRequire, module, '/x/index.js', '/x');
  } catch (error) {
    return { code: compiled.code, exports: module.exports, leaked: leakedNames(global), error: `${(error as Error).name}: ${(error as Error).message}` };
  }
  return { code: compiled.code, exports: JSON.parse(JSON.stringify(module.exports)), leaked: leakedNames(global) };
}

const cases: Array<[string, string]> = [
  ['reads, calls and typeof of globals', `
    exports.v = present.v;
    exports.types = [typeof present, typeof missing, typeof require, typeof module];
    exports.call = (function () { return typeof this; })();
    exports.keys = Object.keys({ a: 1 });`],
  ['a missing global is a ReferenceError', `
    try { missing; } catch (e) { exports.e = e.name + ': ' + e.message; }
    try { missingFn(); } catch (e) { exports.f = e.name + ': ' + e.message; }`],
  ['the wrapper parameters and arguments are locals', `
    exports.args = arguments.length;
    exports.req = require('dep');
    exports.file = [__filename, __dirname, module.exports === exports, this === exports];
    exports.inner = (function () { return arguments.length; })(1, 2, 3);`],
  ['top-level var and function are locals of the wrapper', `
    var x = 1; function f() { return x; }
    exports.r = [f(), typeof x, 'x' in globalThis, 'f' in globalThis];`],
  ['sloppy undeclared writes create globals, compound writes update them', `
    leak = 5; counter += 1; counter++;
    exports.l = [leak, counter, globalThis.leak];`],
  ['a strict function in sloppy code cannot create a global', `
    exports.s = (function () { 'use strict'; try { nope = 1; return 'created'; } catch (e) { return e.name; } })();
    exports.u = (function () { 'use strict'; counter = 10; return counter; })();`],
  ['"use strict" modules: undeclared writes throw, this in functions is undefined', `"use strict";
    exports.t = (function () { return this; })() === undefined;
    try { strictLeak = 1; } catch (e) { exports.e = e.name; }`],
  ['sloppy this in functions is the package global, not the host', `
    exports.same = (function () { return this === globalThis; })();
    exports.arrow = (function () { return (() => this === globalThis)(); })();
    exports.method = ({ m() { return this === globalThis; } }).m();`],
  ['a top-level return ends the module', `
    exports.a = 1;
    if (present) return;
    exports.a = 2;`],
  ['shadowed names stay local; destructuring writes go through the scope', `
    function g(present) { return present; }
    exports.g = g(7);
    ({ leak } = { leak: 3 });
    [counter] = [9];
    exports.after = [leak, counter];`],
  // mime-types (via axios > form-data) starts so: the prelude after the directive needs its own semicolon.
  ["'use strict' with no semicolon before the next line", `'use strict'
    exports.t = (function () { return this; })() === undefined;
    exports.v = present.v;`],
  ['an uncaught missing global fails the module like Node', `
    exports.before = true;
    undefinedThing.x;`],
];

describe('compileCommonJS: differential against the CommonJS wrapper run natively', () => {
  test.each(cases)('%s', (_, text) => {
    const native = runNative(text);
    const compiled = runCompiled(text);
    expect({ exports: compiled.exports, leaked: compiled.leaked, error: compiled.error }).toEqual(native);
  });
});

describe('compileCommonJS: text form', () => {
  test('the prelude comes after the directive prologue, on line 1, and every line keeps its number', () => {
    const text = '"use strict";\nexports.a = window.x;\nfoo();\n';
    const out = compileCommonJS(text, { scopePrelude: 'var $hg=S.g;', sourceMap: true });
    expect(out.code).toBe('"use strict";var $hg=S.g;\nexports.a = $hg.window;\n(0, $hg.foo)();\n'.replace('$hg.window', '$hg.window.x'));
    expect(out.strict).toBe(true);
    expect(out.globals).toEqual(['window', 'foo']);
    expect(out.map?.sources).toEqual(['<anonymous>']);
    expect(out.code.split('\n').length).toBe(text.split('\n').length);
  });

  test('a directive without a semicolon gets one before the prelude (it stays a directive)', () => {
    const out = compileCommonJS("'use strict'\nexports.a = x;\n", { scopePrelude: 'var $hg=S.g;' });
    expect(out.code).toBe("'use strict';var $hg=S.g;\nexports.a = $hg.x;\n");
    expect(out.strict).toBe(true);
  });

  test('a text that contains $h gets another prefix, and a text prelude is renamed to it', () => {
    const out = compileCommonJS('var $hg = 1; exports.a = $hg + other;', { scopePrelude: 'var $hg=S.g;' });
    expect(out.prefix).toBe('$h1');
    expect(out.code).toBe('var $h1g=S.g;var $hg = 1; exports.a = $hg + $h1g.other;');
    expect(out.uses).toEqual(['g']);
  });

  test('the prelude must stay on one line, and `with` is rejected naming the place', () => {
    expect(() => compileCommonJS('x;', { scopePrelude: 'var a;\nvar b;' })).toThrow(/one line/);
    expect(() => compileCommonJS('\nwith (o) { x; }', { specifier: 'w.js' })).toThrow(/'with'.*w\.js:2:1/);
  });

  test('direct eval is reported with its place', () => {
    expect(compileCommonJS('\n  eval("1")', { specifier: 'e.js' }).warnings).toEqual([
      'e.js:2:3: direct eval cannot see local variables; it is compiled as an indirect (global) eval',
    ]);
  });
});

describe('compileCommonJS: preserved member chains', () => {
  test('a preserved chain stays as written for a later define step; other uses of its root are compiled', () => {
    const out = compileCommonJS('if (process.env.NODE_ENV === "production") x = process.env.NODE_ENV_X + process.env.NODE_ENV.length + process.argv;', {
      preserve: ['process.env.NODE_ENV'],
    });
    expect(out.code).toBe('if (process.env.NODE_ENV === "production") $hg.x = $hg.process.env.NODE_ENV_X + process.env.NODE_ENV.length + $hg.process.argv;');
  });
});
