/**
 * Module (CONFORMANCE items 9–14).
 */
import { ModuleSource } from '../../src/module-source.js';
import { Module, importModule, importModuleNow, createModuleClass } from '../../src/module.js';
import { moduleGraph, record } from './support.js';

describe('Module', () => {
  test('item 9: handler must be an object or undefined; hooks read once; non-callable hook is a TypeError', async () => {
    const source = new ModuleSource(record(`import v from './v.js'; export default v;`));
    expect(() => new Module(source, null as unknown as object)).toThrow(TypeError);
    expect(() => new Module(source, 5 as unknown as object)).toThrow(TypeError);
    expect(() => new Module(source, { importHook: 1 } as unknown as object)).toThrow(/importHook must be a function/);
    expect(() => new Module(source, { importMetaHook: 'x' } as unknown as object)).toThrow(TypeError);
    expect(() => (Module as unknown as (s: unknown) => unknown)(source)).toThrow(TypeError);
    let reads = 0;
    const v = new ModuleSource(record('export default 7;'));
    const handler = {
      get importHook() {
        reads++;
        return () => v;
      },
    };
    const module = new Module(source, handler);
    expect(reads).toBe(1);
    expect(((await importModule(module)) as { default: number }).default).toBe(7);
    expect(reads).toBe(1);
    expect(Object.prototype.toString.call(module)).toBe('[object Module]');
    expect(module.source).toBe(source);
  });

  test('item 10: the same namespace every time; separate instances of one source get separate namespaces', async () => {
    const source = new ModuleSource(record('export const o = {};'));
    const m1 = new Module(source);
    const m2 = new Module(source);
    const a = await importModule(m1);
    expect(await importModule(m1)).toBe(a);
    expect(importModuleNow(m1)).toBe(a);
    const b = await importModule(m2);
    expect(b).not.toBe(a);
    expect((b as { o: object }).o).not.toBe((a as { o: object }).o);
  });

  test('item 11: importHook called once per (module, specifier), also while in flight', async () => {
    let calls = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const dep = new ModuleSource(record('export const d = 1;'));
    const root = new Module(new ModuleSource(record(`import { d } from './d.js'; export const f = () => import('./d.js'); export { d };`)), {
      async importHook() {
        calls++;
        await gate;
        return dep;
      },
    });
    const first = importModule(root);
    const second = importModule(root);
    await Promise.resolve();
    release();
    const [a, b] = await Promise.all([first, second]);
    expect(a).toBe(b);
    const viaDynamic = await (a as { f(): Promise<object> }).f();
    expect((viaDynamic as { d: number }).d).toBe(1);
    expect(calls).toBe(1);
  });

  test('item 11: a non-Module/ModuleSource result is a TypeError; a throwing or rejecting hook rejects', async () => {
    const text = record(`import './x.js';`);
    await expect(importModule(new Module(new ModuleSource(text), { importHook: () => ({}) as never }))).rejects.toThrow(TypeError);
    await expect(importModule(new Module(new ModuleSource(text), { importHook: () => 'x' as never }))).rejects.toThrow(/importHook for '.\/x.js' .* returned string, not a Module or ModuleSource/);
    const boom = new Error('boom');
    await expect(importModule(new Module(new ModuleSource(text), { importHook: () => { throw boom; } }))).rejects.toBe(boom);
    await expect(importModule(new Module(new ModuleSource(text), { importHook: () => Promise.reject(boom) }))).rejects.toBe(boom);
  });

  test('item 11: the hook may return a Module (shared instance) as well as a ModuleSource', async () => {
    const shared = new Module(new ModuleSource(record('export let n = 0; export function inc() { n++; }')));
    const importer = new ModuleSource(record(`import { n, inc } from './s.js'; export function bump() { inc(); return n; }`));
    const a = (await importModule(new Module(importer, { importHook: () => shared }))) as { bump(): number };
    const b = (await importModule(new Module(importer, { importHook: () => shared }))) as { bump(): number };
    expect([a.bump(), b.bump()]).toEqual([1, 2]);
  });

  test('item 12: the whole static graph loads before any module runs; dynamic import shares the cache', async () => {
    const log: string[] = [];
    const g = { log } as Record<string, unknown>;
    const { entry, calls } = moduleGraph(
      {
        'main.js': `import './a.js'; import './b.js'; log.push('main'); export const again = () => import('./a.js');`,
        'a.js': `log.push('a'); export const a = 1;`,
        'b.js': `import './c.js'; log.push('b');`,
        'c.js': `log.push('c');`,
      },
      g,
    );
    const hookLog = calls;
    const module = entry('main.js');
    const ns = (await importModule(module)) as { again(): Promise<{ a: number }> };
    expect(hookLog).toEqual(['./a.js', './b.js', './c.js']);
    expect(log).toEqual(['a', 'c', 'b', 'main']);
    expect((await ns.again()).a).toBe(1);
    expect(hookLog).toHaveLength(3);
    // a failing load anywhere means nothing ran
    const log2: string[] = [];
    const broken = moduleGraph({ 'main.js': `import './a.js'; import './missing.js'; log.push('main');`, 'a.js': `log.push('a');` }, { log: log2 });
    await expect(importModule(broken.entry('main.js'))).rejects.toThrow(/no module .\/missing.js/);
    expect(log2).toEqual([]);
  });

  test('item 13: import.meta is a null-prototype object; importMetaHook runs once, before the body', async () => {
    const order: string[] = [];
    const source = new ModuleSource(record(`order.push('body'); export const m = import.meta; export const same = () => import.meta;`));
    const EnvModule = createModuleClass({ globalThis: { order } });
    const module = new EnvModule(source, {
      importMetaHook(meta: Record<string, unknown>) {
        order.push('hook');
        meta.url = 'x:/m.js';
      },
    });
    const ns = (await importModule(module)) as { m: { url: string }; same(): object };
    expect(Object.getPrototypeOf(ns.m)).toBeNull();
    expect(ns.m.url).toBe('x:/m.js');
    expect(ns.same()).toBe(ns.m);
    expect(order).toEqual(['hook', 'body']);
  });

  test('item 14: an evaluation error is cached and rethrown with the same identity', async () => {
    let runs = 0;
    const g = { count: () => runs++, RangeError };
    const { entry } = moduleGraph({ 'main.js': `import './bad.js';`, 'bad.js': `count(); throw new RangeError('bad');` }, g);
    const module = entry('main.js');
    const first = await importModule(module).catch((e: unknown) => e);
    const second = await importModule(module).catch((e: unknown) => e);
    expect(first).toBeInstanceOf(RangeError);
    expect(second).toBe(first);
    expect(() => importModuleNow(module)).toThrow(first as Error);
    expect(runs).toBe(1);
  });

  test('importModuleNow throws before running anything when the graph has top-level await or async hooks', async () => {
    const log: string[] = [];
    const { entry } = moduleGraph({ 'main.js': `import './t.js'; log.push('main');`, 't.js': `log.push('t'); await 0;` }, { log });
    expect(() => importModuleNow(entry('main.js'))).toThrow(/top-level await/);
    expect(log).toEqual([]);
    const asyncHook = new Module(new ModuleSource(record(`import './x.js';`)), { importHook: async () => new ModuleSource(record('')) });
    expect(() => importModuleNow(asyncHook)).toThrow(/promise/);
  });
});
