/**
 * Module semantics against native Node (CONFORMANCE items 15–24): the same
 * files run through `import()` and through Hermetic's linker (records from
 * the real compiler), comparing logs, values and error types.
 */
import { createModuleClass, importModule } from '../../src/module.js';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { moduleGraph, writeGraph } from './support.js';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { serialize } = require('./serialize.cjs') as { serialize(value: unknown): unknown };

type Outcome = { log: unknown[]; status: string; error?: string; message?: string; result?: unknown };

function whoIsThis(this: unknown): string {
  return this === undefined ? 'undefined' : typeof this;
}

function runNative(files: Record<string, string>, entry = 'main.js', extraGlobals: Record<string, string> = {}): Promise<Outcome> {
  const dir = writeGraph(files);
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [path.join(__dirname, 'native-child.mjs'), path.join(dir, entry), JSON.stringify(extraGlobals)], (error, stdout, stderr) => {
      if (error) reject(new Error(`native run failed: ${stderr}`));
      else resolve(JSON.parse(stdout) as Outcome);
    });
  });
}

async function runHermetic(files: Record<string, string>, entry = 'main.js', extraGlobals: Record<string, unknown> = {}): Promise<Outcome> {
  const log: unknown[] = [];
  const global = Object.create(globalThis) as Record<string, unknown>;
  Object.assign(global, extraGlobals, { log });
  const { entry: make } = moduleGraph(files, global);
  try {
    const ns = (await importModule(make(entry))) as Record<string, unknown>;
    return { log: serialize(log) as unknown[], status: 'fulfilled', result: serialize(ns.result) };
  } catch (error) {
    return { log: serialize(log) as unknown[], status: 'rejected', error: (error as Error).constructor.name, message: (error as Error).message };
  }
}

async function same(files: Record<string, string>, entry = 'main.js', withWhoIsThis = false): Promise<Outcome> {
  const [native, hermetic] = await Promise.all([
    runNative(files, entry, withWhoIsThis ? { whoIsThis: 'whoIsThis' } : {}),
    runHermetic(files, entry, withWhoIsThis ? { whoIsThis } : {}),
  ]);
  const strip = (o: Outcome) => ({ ...o, message: undefined });
  expect(strip(hermetic)).toEqual(strip(native));
  return hermetic;
}

const describeNamespace = `
export function describeNamespace(ns) {
  const out = {};
  out.proto = Object.getPrototypeOf(ns);
  out.tag = Object.getOwnPropertyDescriptor(ns, Symbol.toStringTag);
  out.keys = Reflect.ownKeys(ns).map(String);
  out.extensible = Object.isExtensible(ns);
  out.descriptors = Reflect.ownKeys(ns).filter((k) => typeof k === 'string').map((k) => { try { return [k, Object.getOwnPropertyDescriptor(ns, k)]; } catch (e) { return [k, e.constructor.name]; } });
  out.set = Reflect.set(ns, out.keys[0] ?? 'x', 1);
  out.del = Reflect.deleteProperty(ns, out.keys[0] ?? 'x');
  out.delMissing = Reflect.deleteProperty(ns, 'nope');
  out.setProto = [Reflect.setPrototypeOf(ns, {}), Reflect.setPrototypeOf(ns, null)];
  out.defineSame = out.keys[0] === undefined ? null : (() => { try { return Reflect.defineProperty(ns, out.keys[0], { value: ns[out.keys[0]] }); } catch (e) { return e.constructor.name; } })();
  try { out.defineOther = Reflect.defineProperty(ns, out.keys[0] ?? 'x', { value: {} }); } catch (e) { out.defineOther = e.constructor.name; }
  try { ns[out.keys[0] ?? 'x'] = 1; out.strictSet = 'no throw'; } catch (e) { out.strictSet = e.constructor.name; }
  try { delete ns[out.keys[0] ?? 'x']; out.strictDelete = 'no throw'; } catch (e) { out.strictDelete = e.constructor.name; }
  return out;
}`;

describe('linking and evaluation, differential against native import()', () => {
  test('items 15, 17: live bindings in both directions of a cycle; hoisted functions exist before any module runs', async () => {
    await same({
      'main.js': `import { a, fromB } from './a.js'; import { b, bump } from './b.js'; bump(); log.push(a, b, fromB()); export const result = [a, b];`,
      'a.js': `import { b, bump, hoistedB } from './b.js'; log.push('a runs', hoistedB()); export let a = 'a0'; export function fromB() { return b; } a = 'a1';`,
      'b.js': `import { a, fromB } from './a.js'; log.push('b runs', typeof fromB); let seen; try { seen = a; } catch (e) { seen = e.constructor.name; } log.push(seen);
               export let b = 'b0'; export function bump() { b = 'bumped:' + a; } export function hoistedB() { return 'hoisted'; }`,
    });
  });

  test('item 16: TDZ on the importer side and in the exporter', async () => {
    await same({
      'main.js': `import './a.js';`,
      'a.js': `import { late, klass, getLate } from './b.js'; export const early = 1;
        for (const read of [() => late, () => klass, () => typeof late, getLate]) { try { log.push(read()); } catch (e) { log.push(e.constructor.name); } }`,
      'b.js': `import { early } from './a.js'; export function getLate() { return late; } log.push(typeof getLate);
        try { log.push(early); } catch (e) { log.push('b sees early: ' + e.constructor.name); }
        export let late = 2; export class klass {}`,
    });
  });

  test('item 18: namespace objects (descriptors, keys, strict writes, TDZ inside a cycle)', async () => {
    const outcome = await same({
      'main.js': `import * as ns from './m.js'; import { describeNamespace } from './describe.js'; import './cycle.js'; export const result = describeNamespace(ns);`,
      'm.js': `export let b = 1; export const a = 2; export function z() {} export { b as "x-10", b as "x-9" }; export default 3;`,
      'describe.js': describeNamespace,
      'cycle.js': `import * as self from './cycle.js'; import { describeNamespace } from './describe.js'; log.push(describeNamespace(self)); export let pending = 1;`,
    });
    expect([outcome.status, outcome.message]).toEqual(['fulfilled', undefined]);
    expect(outcome.log).toHaveLength(1);
    expect((outcome.result as { own: { keys: { value: unknown } } }).own.keys.value).toEqual(['a', 'b', 'default', 'x-10', 'x-9', 'z', 'Symbol(Symbol.toStringTag)']);
    // ECMA-262 sorts [[Exports]] by code units, integer-like names included; V8 puts "9" before "10".
    const numeric = await runHermetic({ 'main.js': `import * as ns from './n.js'; export const result = Reflect.ownKeys(ns);`, 'n.js': `const v = 1; export { v as "9", v as "10" };` });
    expect(numeric.result).toEqual(['10', '9', { $: 'Symbol(Symbol.toStringTag)' }]);
  });

  test('item 15: live bindings whose first read comes late, after changes, from nullish values and through functions', async () => {
    const outcome = await same({
      'main.js': `
        import { count, inc, maybe, setMaybe, late } from './counter.js';
        import { readCount } from './reader.js';
        inc(); inc();
        log.push(count, readCount(), maybe);
        setMaybe(0); log.push(maybe); setMaybe(null); log.push(maybe); setMaybe('x'); log.push(maybe);
        inc(); log.push(count, readCount());
        function later() { inc(); return [count, readCount(), late(), maybe]; }
        export const result = later();`,
      'counter.js': `
        export let count = 0; export function inc() { count += 1; }
        export let maybe; export function setMaybe(v) { maybe = v; }
        export const late = () => lateValue; let lateValue = 'set'; lateValue += '!';`,
      'reader.js': `import { count } from './counter.js'; export function readCount() { return count; }`,
    });
    expect(outcome.status).toBe('fulfilled');
    expect(outcome.log).toEqual([2, 2, { $: 'undefined' }, 0, null, 'x', 3, 3]);
    expect(outcome.result).toEqual([4, 4, 'set!', 'x']);
  });

  test('item 18: whichever reflective operation reaches a fresh namespace first, it answers as natively', async () => {
    // One module per operation, so that each operation is the first its namespace sees.
    const operations = [
      'Object.isExtensible(ns)',
      'Object.isFrozen(ns)',
      'Object.isSealed(ns)',
      'Reflect.preventExtensions(ns)',
      '[Reflect.setPrototypeOf(ns, {}), Reflect.setPrototypeOf(ns, null), Object.getPrototypeOf(ns)]',
      'Reflect.defineProperty(ns, "nope", { value: 1 })',
      'Reflect.defineProperty(ns, Symbol.iterator, { value: 1 })',
      '[Reflect.deleteProperty(ns, "nope"), Reflect.deleteProperty(ns, "a"), Reflect.deleteProperty(ns, Symbol.iterator)]',
      'Object.freeze(ns)',
      'Object.seal(ns) === ns',
      'Reflect.ownKeys(ns).map(String)',
      'Object.getOwnPropertyDescriptor(ns, "a")',
      '["a" in ns, "nope" in ns, Symbol.toStringTag in ns, ns[Symbol.toStringTag]]',
      'Object.setPrototypeOf(ns, Object.prototype)',
    ];
    const files: Record<string, string> = {};
    operations.forEach((_, i) => (files[`m${i}.js`] = `export let a = 1; export const b = 2; export default 3;`));
    files['main.js'] = [
      ...operations.map((_, i) => `import * as ns${i} from './m${i}.js';`),
      `const tries = [${operations.map((op, i) => `() => { const ns = ns${i}; return ${op}; }`).join(',\n')}];`,
      `export const result = tries.map((t) => { try { return t(); } catch (e) { return e.constructor.name; } });`,
    ].join('\n');
    const outcome = await same(files);
    expect(outcome.status).toBe('fulfilled');
    expect((outcome.result as unknown[]).slice(0, 4)).toEqual([false, false, true, true]);
  });

  test('item 19: export * skips default and drops ambiguous names; importing one is a SyntaxError before any code runs', async () => {
    const files = {
      'main.js': `import * as ns from './star.js'; export const result = Object.keys(ns);`,
      'star.js': `export * from './x.js'; export * from './y.js'; export * from './z.js';`,
      'x.js': `log.push('x'); export const dup = 1, onlyX = 1; export default 'x';`,
      'y.js': `export const dup = 2, onlyY = 2; export { shared } from './z.js';`,
      'z.js': `export const shared = 3;`,
    };
    const ok = await same(files);
    expect(ok.result).toEqual(['onlyX', 'onlyY', 'shared']);
    const bad = await same({ ...files, 'main.js': `log.push('main'); import { dup } from './star.js';` });
    expect(bad).toMatchObject({ status: 'rejected', error: 'SyntaxError', log: [] });
    expect((await runHermetic({ ...files, 'main.js': `import { dup } from './star.js';` })).message).toMatch(/'\.\/star\.js'.*'dup'/);
  });

  test('item 19: export * cycles terminate; circular re-exports resolve to nothing', async () => {
    const files = {
      'main.js': `import * as a from './a.js'; import * as b from './b.js'; export const result = [Object.keys(a), Object.keys(b), a.fromB, b.fromA];`,
      'a.js': `export * from './b.js'; export const fromA = 'A';`,
      'b.js': `export * from './a.js'; export const fromB = 'B';`,
    };
    const outcome = await same(files);
    expect(outcome.result).toEqual([['fromA', 'fromB'], ['fromA', 'fromB'], 'B', 'A']);
    const circular = await same({
      'main.js': `import { loop } from './c.js'; log.push(loop);`,
      'c.js': `export { loop } from './d.js';`,
      'd.js': `export { loop } from './c.js';`,
    });
    expect(circular).toMatchObject({ status: 'rejected', error: 'SyntaxError' });
  });

  test('item 20: a missing import is a SyntaxError before any code runs, naming module and binding', async () => {
    const files = {
      'main.js': `import './first.js'; import { nope } from './lib.js'; log.push('main');`,
      'first.js': `log.push('first');`,
      'lib.js': `log.push('lib'); export const yes = 1;`,
    };
    const outcome = await same(files);
    expect(outcome).toMatchObject({ status: 'rejected', error: 'SyntaxError', log: [] });
    expect((await runHermetic(files)).message).toBe(
      "The requested module './lib.js' does not provide an export named 'nope' (imported by a module importing './first.js', './lib.js')",
    );
    const deep = await same({ ...files, 'main.js': `import './first.js'; import './mid.js';`, 'mid.js': `export { missing as renamed } from './lib.js';` });
    expect(deep).toMatchObject({ status: 'rejected', error: 'SyntaxError', log: [] });
    expect(deep.message).toBe("The requested module './lib.js' does not provide an export named 'missing' (imported by './mid.js')");
  });

  test('item 21: export * as ns, re-exported defaults, string export names', async () => {
    await same({
      'main.js': `import { ns, d, "a-b" as ab, "x y" as xy } from './re.js'; import * as lib from './lib.js';
        export const result = [ns === lib, d, ab, xy, Object.keys(ns)];`,
      're.js': `export * as ns from './lib.js'; export { default as d } from './lib.js'; export { value as "a-b" } from './lib.js'; const local = 5; export { local as "x y" };`,
      'lib.js': `export default 'dflt'; export const value = 'v';`,
    });
  });

  test('item 22: top-level this is undefined and module code is strict', async () => {
    await same({
      'main.js': `const arrow = () => this; let strict; try { undeclared = 1; strict = false; } catch (e) { strict = e.constructor.name; }
        export const result = [this, arrow(), (function () { return this; })(), strict];`,
    });
  });

  test('item 23: dependencies first, each once; top-level await in the spec order', async () => {
    await same({
      'main.js': `import './a.js'; import './b.js'; import './c.js'; log.push('main');`,
      'a.js': `import './shared.js'; log.push('a:start'); await null; log.push('a:after1'); await null; log.push('a:end');`,
      'b.js': `import './shared.js'; log.push('b:start'); await new Promise((r) => setTimeout(r, 10)); log.push('b:end');`,
      'c.js': `import './a.js'; log.push('c (sync, after a)');`,
      'shared.js': `log.push('shared');`,
    });
    await same({
      'main.js': `import './p1.js'; import './p2.js'; log.push('main');`,
      'p1.js': `import './slow.js'; log.push('p1');`,
      'p2.js': `import './fast.js'; log.push('p2');`,
      'slow.js': `log.push('slow:start'); await null; await null; await null; log.push('slow:end');`,
      'fast.js': `log.push('fast:start'); await null; log.push('fast:end');`,
    });
    await same({
      'main.js': `import './x.js'; log.push('main');`,
      'x.js': `import './y.js'; log.push('x'); await 0; log.push('x:after');`,
      'y.js': `import './x.js'; log.push('y'); await 0; log.push('y:after');`,
    });
    await same({
      'main.js': `import './ok.js'; import './fail.js'; log.push('main never');`,
      'ok.js': `log.push('ok');`,
      'fail.js': `await null; throw new TypeError('tla failed');`,
    });
  });

  test('item 24: free references resolve against the global: ReferenceError, typeof, strict assignment, this of calls', async () => {
    await same(
      {
        'main.js': `const out = [];
          try { out.push(missingGlobal); } catch (e) { out.push(e.constructor.name); }
          out.push(typeof missingGlobal, typeof Math, whoIsThis());
          try { missingGlobal = 1; } catch (e) { out.push(e.constructor.name); }
          try { NaN = 1; } catch (e) { out.push(e.constructor.name); }
          export const result = out;`,
      },
      'main.js',
      true,
    );
  });
});

describe('the compartment global is the only global (item 24)', () => {
  test('modules see their own global object, not the host one', async () => {
    const own = { Math: { max: () => 'own max' }, log: [] as unknown[] };
    const { entry } = moduleGraph({ 'main.js': `export const result = [Math.max(1, 2), typeof process, typeof globalThis];` }, own);
    const EnvModule = createModuleClass({ globalThis: own });
    expect(EnvModule).not.toBe(createModuleClass({ globalThis: own }));
    const ns = (await importModule(entry('main.js'))) as { result: unknown[] };
    expect(ns.result).toEqual(['own max', 'undefined', 'undefined']);
  });
});
