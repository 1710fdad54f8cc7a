import vm from 'node:vm';
import { compileScript } from '../src/index.js';
import { ScriptHost } from './support/script-host.js';

describe('compileScript completion values follow UpdateEmpty (CONFORMANCE 35, 41)', () => {
  const scripts = [
    '1; if (true) {}',
    '1; var x = 2',
    '1; {}',
    '1; { 2 }',
    '1; if (false) 2;',
    '1; if (true) 2; else 3;',
    '1; while (false);',
    '1; do { 2; } while (false)',
    '1; for (var i = 0; i < 3; i++) i * 10;',
    '1; for (const k in { a: 1, b: 2 }) k;',
    '1; for (const v of [4, 5]) { v; if (v === 5) break; }',
    'let n = 3; while (n--) { if (n === 0) break; n; }',
    '1; L: { 2; break L; }',
    '1; L: { break L; }',
    '1; switch (1) { case 1: 7; }',
    '1; switch (2) { case 1: 7; }',
    '1; try { 2 } finally { 3 }',
    '1; try { throw 0 } catch (e) {}',
    '1; try { throw 0 } catch (e) { 4 }',
    '1; try {} finally {}',
    '"use strict"',
    '"use strict"; 5',
    '1; function f() {} ',
    '1; class K {}',
    '1; let z = 9;',
    'var a = 1, b = a + 1; b',
    '1; ;',
    'outer: for (const i of [1, 2]) { for (const j of [3]) { i * j; continue outer; } }',
    '({ a: 1 })',
    '[1, 2].map((x) => x * 2)',
    'var f = function () {}; let g = () => {}; const K = class {}; var { h = function () {} } = {}; let [i = async () => {}] = []; u = function () {}; [f.name, g.name, K.name, h.name, i.name, u.name]',
    '#!/usr/bin/env node\n1 + 1',
  ];
  test.each(scripts)('%s', (text) => {
    const native = vm.runInNewContext(text) as unknown;
    const compiled = new ScriptHost().run(text);
    expect(compiled).toEqual(native);
  });
});

describe('compileScript declarations and globals (CONFORMANCE 35)', () => {
  test('top-level var and function become properties of the global; their names are listed', () => {
    const host = new ScriptHost();
    const text = 'var a = 1, b; function f() { return a + 1; } var { c, d: [e] } = { c: 3, d: [4] }; for (var i = 0; i < 2; i++); for (var k in { p: 1 });';
    host.run(text);
    expect(host.global).toMatchObject({ a: 1, b: undefined, c: 3, e: 4, i: 2, k: 'p' });
    expect((host.global.f as () => number)()).toBe(2);
    const record = compileScript(text);
    expect(record.varNames).toEqual(['a', 'b', 'c', 'e', 'i', 'k']);
    expect(record.functionNames).toEqual(['f']);
    expect(record.lexicalNames).toEqual([]);
  });

  test('globals lists only free names, not the script\'s own declarations; import() goes to $h.i', async () => {
    const record = compileScript('foo(x, y, f, K); var x; let y; function f() { return bar; } class K {} typeof baz; import("./m.js");');
    expect(record.globals).toEqual(['foo', 'bar', 'baz']);
    const host = new ScriptHost();
    host.global.foo = () => 0;
    host.global.bar = 1;
    const promise = host.run('foo(); import("./m.js")') as Promise<unknown>;
    await expect(promise).rejects.toThrow('no dynamic import in the test host');
  });

  test('functions are initialised before the first statement runs', () => {
    const host = new ScriptHost();
    expect(host.run('f(); function f() { return 5; }')).toBe(5);
  });

  test('let/const/class live in the global lexical record shared by later scripts, not on the global object', () => {
    const host = new ScriptHost();
    host.run('let x = 1; const y = 2; class K { static v() { return x + y; } } let { p, q: [r] } = { p: 3, q: [4] };');
    expect(Object.keys(host.global)).toEqual([]);
    expect(host.run('K.v() + p + r')).toBe(10);
    expect(host.run('x = 5; x')).toBe(5);
    expect(() => host.run('y = 3')).toThrow(TypeError);
    expect(() => host.run('let x = 0')).toThrow(SyntaxError);
    expect(compileScript('let x; const y = 1; class K {}').lexicalNames).toEqual(['x', 'y', 'K']);
  });

  test('lexical bindings are in their TDZ until initialised', () => {
    const host = new ScriptHost();
    expect(() => host.run('function early() { return later; } early(); let later = 1;')).toThrow(ReferenceError);
  });

  test('sloppy assignment to an undeclared name creates a global property; strict throws ReferenceError', () => {
    const sloppy = new ScriptHost();
    sloppy.run('undeclared = 7');
    expect(sloppy.global.undeclared).toBe(7);
    const strict = new ScriptHost();
    expect(() => strict.run('undeclared = 7', { strict: true })).toThrow(ReferenceError);
    expect(() => strict.run('"use strict"; undeclared = 7')).toThrow(ReferenceError);
    expect('undeclared' in strict.global).toBe(false);
    expect(compileScript('"use strict"; 1').strict).toBe(true);
    expect(compileScript('1').strict).toBe(false);
  });

  test('strict functions inside a sloppy script still throw on assignment to an undeclared name', () => {
    const host = new ScriptHost();
    host.global.existing = 0;
    const text = 'function f() { "use strict"; existing = 5; try { undeclared = 1; } catch (e) { return [e.constructor.name, typeof undeclared, existing]; } } f()';
    expect(host.run(text)).toEqual(['ReferenceError', 'undefined', 5]);
    expect(vm.runInNewContext(`var existing = 0; ${text}`)).toEqual(['ReferenceError', 'undefined', 5]);
    expect(host.run('(function () { "use strict"; existing += 1; [existing] = [existing * 2]; return existing; })()')).toBe(12);
  });

  test('this is the global object; typeof of a missing name is undefined; reading it throws', () => {
    const host = new ScriptHost();
    expect(host.run('this')).toBe(host.global);
    expect(host.run('(() => this)()')).toBe(host.global);
    expect(host.run('typeof missing')).toBe('undefined');
    expect(() => host.run('missing')).toThrow(ReferenceError);
    host.global.present = 1;
    expect(host.run('present + 1')).toBe(2);
  });

  test('a sloppy function called without a receiver sees this global as this; strict functions see undefined', () => {
    const host = new ScriptHost();
    const result = host.run(
      'function sloppy() { return [this, (() => this)()]; } function strict() { "use strict"; return this; } [sloppy(), strict(), typeof sloppy.call(5)[0], sloppy.call(null)[0]]',
    ) as [[unknown, unknown], unknown, string, unknown];
    expect(result[0][0]).toBe(host.global);
    expect(result[0][1]).toBe(host.global);
    expect(result[1]).toBeUndefined();
    expect(result[2]).toBe('object');
    expect(result[3]).toBe(host.global);
    expect(compileScript('"use strict"; function f() { return this; }').code).not.toContain('$hw(');
    const fn = host.run('return this', { functionBody: { params: '', kind: 'normal' } }) as () => unknown;
    expect(fn()).toBe(host.global);
  });

  test('sloppy delete of a global name acts on the global object; lexical names cannot be deleted', () => {
    const host = new ScriptHost();
    const result = host.run('let lex = 1; created = 1; var declared = 2; [delete created, typeof created, delete lex, delete missing]');
    expect(result).toEqual([true, 'undefined', false, true]);
    expect(compileScript('delete g1;').globals).toEqual(['g1']);
    expect(host.run('(function () { var local = 1; return delete local; })()')).toBe(false);
  });

  test('Annex B: a block-level function in sloppy code is also a global var once evaluated', () => {
    const host = new ScriptHost();
    const text = 'var before = typeof g; { function g() { return 1; } } [before, typeof g]';
    expect(host.run(text)).toEqual(vm.runInNewContext(text));
    expect(compileScript('{ function g() {} }').varNames).toEqual(['g']);
  });

  test('nested functions keep their own scopes (params, arguments, closures)', () => {
    const host = new ScriptHost();
    const text = 'var total = 0; function add(a, b = a) { var total = arguments.length; return a + b + total; } [add(1), add(1, 2), total]';
    expect(host.run(text)).toEqual(vm.runInNewContext(text));
  });
});

describe('compileScript with functionBody (Function constructors)', () => {
  const make = (params: string, body: string, kind: 'normal' | 'async' | 'generator' | 'asyncGenerator', host = new ScriptHost()) =>
    host.run(body, { functionBody: { params, kind } }) as (...args: unknown[]) => unknown;

  test('creates a function named anonymous whose free references resolve against the global', () => {
    const host = new ScriptHost();
    host.global.base = 100;
    const fn = make('a, b = 2', 'return a + b + base', 'normal', host);
    expect(fn.name).toBe('anonymous');
    expect(fn.length).toBe(1);
    expect(fn(1)).toBe(103);
    expect(make('', 'return typeof anonymous', 'normal')()).toBe('undefined');
  });

  test('each kind gives the right function type', () => {
    const tag = (f: unknown) => Object.prototype.toString.call(f);
    expect(tag(make('', '', 'normal'))).toBe('[object Function]');
    expect(tag(make('', 'await 1', 'async'))).toBe('[object AsyncFunction]');
    expect(tag(make('', 'yield 1', 'generator'))).toBe('[object GeneratorFunction]');
    expect(tag(make('', 'yield await 1', 'asyncGenerator'))).toBe('[object AsyncGeneratorFunction]');
    const gen = make('x', 'yield x; yield x * 2;', 'generator')(3) as Iterator<number>;
    expect([gen.next().value, gen.next().value]).toEqual([3, 6]);
  });

  test('the strict option forces a strict function', () => {
    expect(make('', 'return this', 'normal', undefined)()).not.toBeUndefined();
    const host = new ScriptHost();
    const forced = host.run('return this', { strict: true, functionBody: { params: '', kind: 'normal' } }) as () => unknown;
    expect(forced()).toBeUndefined();
    expect(() => compileScript('with (o) {}', { strict: true, functionBody: { params: '', kind: 'normal' } })).toThrow(SyntaxError);
  });

  test('a body with "use strict" is strict; without it, sloppy', () => {
    expect(make('', '"use strict"; return this', 'normal')()).toBeUndefined();
    expect(make('', 'return typeof this', 'normal')()).toBe('object');
  });
});
