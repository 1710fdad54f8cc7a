/**
 * Compartment (CONFORMANCE items 38–46), through the `hermetic` Node entry
 * (compiler installed), exactly as the proposal's form is written.
 */
import { Compartment, ModuleSource } from 'hermetic';
import { defaultResolveHook } from '../../src/compartment.js';
import { installNodeCompiler } from '../../../hermetic/src/install-compiler.js';
import { installCompiler } from '../../src/install-compiler.js';
import type { ScriptRecord } from '../../src/record-types.js';

type Namespace = Record<string, unknown>;
const texts = (files: Record<string, string>) => (specifier: string) => {
  const text = files[specifier];
  if (text === undefined) throw new Error(`no module ${specifier}`);
  return text;
};

describe('Compartment', () => {
  test('item 38: the proposal form with resolveHook and an async loadHook returning { source }', async () => {
    const read = texts({
      'app/main.js': `import { twice } from './lib/math.js'; export const value = twice(21);`,
      'app/lib/math.js': `import { one } from '../one.js'; export const twice = (x) => x * 2 * one;`,
      'app/one.js': `export const one = 1;`,
    });
    const resolved: Array<[string, string]> = [];
    const c = new Compartment({
      globals: {},
      resolveHook: (specifier: string, referrer: string) => {
        resolved.push([specifier, referrer]);
        return new URL(specifier, `file:///${referrer}`).pathname.slice(1);
      },
      loadHook: async (fullSpecifier: string) => ({ source: new ModuleSource(read(fullSpecifier)) }),
    });
    const ns = (await c.import('app/main.js')) as Namespace;
    expect(ns.value).toBe(42);
    expect(resolved).toEqual([
      ['./lib/math.js', 'app/main.js'],
      ['../one.js', 'app/lib/math.js'],
    ]);
  });

  test('item 38: the SES forms (__options__ bag and globals, modules, options)', async () => {
    const bag = new Compartment({ __options__: true, globals: { g: 1 }, modules: { m: { source: new ModuleSource('export default g;') } } });
    expect(((await bag.import('m')) as Namespace).default).toBe(1);
    const legacy = new Compartment({ g: 2 }, { m: { source: new ModuleSource('export default g;') } }, { name: 'legacy' });
    expect(((await legacy.import('m')) as Namespace).default).toBe(2);
    // A single argument without any option name is SES's legacy endowments object.
    expect((new Compartment({ endowment: 3 }).globalThis as Namespace).endowment).toBe(3);
    expect('name' in (new Compartment({ name: 'n' }).globalThis as Namespace)).toBe(false);
  });

  test("item 41: import() in evaluated code loads through the compartment's modules and loadHook, one instance shared with import()", async () => {
    const loaded: string[] = [];
    const c = new Compartment({
      modules: { fromMap: { source: new ModuleSource('export let n = 0; export function inc() { n++; }') } },
      loadHook: async (specifier: string) => {
        loaded.push(specifier);
        return { source: new ModuleSource(`export default ${JSON.stringify(specifier)};`) };
      },
    });
    const viaEvaluate = (await (c.evaluate('import("fromMap")') as Promise<Namespace>)) as { n: number; inc(): void };
    expect(viaEvaluate).toBe(await c.import('fromMap'));
    viaEvaluate.inc();
    const viaEval = (await ((c.globalThis as { eval(s: string): unknown }).eval('import("fromMap")') as Promise<Namespace>)) as { n: number };
    expect(viaEval).toBe(viaEvaluate);
    expect(viaEval.n).toBe(1);
    const hooked = (await (c.evaluate('import("viaHook")') as Promise<Namespace>)) as Namespace;
    expect(hooked.default).toBe('viaHook');
    expect(await c.import('viaHook')).toBe(hooked);
    expect(loaded).toEqual(['viaHook']);
    // The module map of the compartment's scripts: a ModuleSource imported twice is one instance.
    const source = new ModuleSource('export const o = {};');
    const importer = c.evaluate('(s) => import(s)') as (s: unknown) => Promise<Namespace>;
    const fromFunction = new ((c.globalThis as { Function: new (...a: string[]) => (s: unknown) => Promise<Namespace> }).Function)('s', 'return import(s)');
    expect(await importer(source)).toBe(await fromFunction(source));
    await expect(c.evaluate('import("missing-" + "nothing")') as Promise<unknown>).resolves.toMatchObject({ default: 'missing-nothing' });
  });

  test('item 39: hook options that are not callable are a TypeError', () => {
    for (const hook of ['resolveHook', 'loadHook', 'importHook', 'loadNowHook', 'importNowHook', 'importMetaHook', 'moduleMapHook']) {
      expect(() => new Compartment({ [hook]: 'nope' })).toThrow(TypeError);
      expect(() => new Compartment({ [hook]: 'nope' })).toThrow(new RegExp(hook));
    }
    expect(() => (Compartment as unknown as () => void)()).toThrow(TypeError);
  });

  test('item 40: globals copied; own globalThis, eval, Function, Compartment; other intrinsics shared', () => {
    let getterCalls = 0;
    const globals = {
      get once() {
        getterCalls++;
        return 'value';
      },
      later: 1,
    };
    const c = new Compartment({ globals });
    const g = c.globalThis as Record<string, unknown>;
    globals.later = 2;
    expect([g.once, g.once, g.later, getterCalls]).toEqual(['value', 'value', 1, 1]);
    expect(Object.getOwnPropertyDescriptor(g, 'once')).toMatchObject({ value: 'value', writable: true });
    expect(g.globalThis).toBe(g);
    expect(g).not.toBe(globalThis);
    for (const own of ['eval', 'Function', 'Compartment']) {
      expect(g[own]).not.toBe((globalThis as Record<string, unknown>)[own]);
      expect(typeof g[own]).toBe('function');
    }
    for (const shared of ['Array', 'Object', 'Math', 'JSON', 'Promise', 'Reflect', 'Map']) {
      expect(g[shared]).toBe((globalThis as Record<string, unknown>)[shared]);
    }
    expect((g.Function as FunctionConstructor).prototype).toBe(Function.prototype);
    expect('process' in g).toBe(false);
  });

  test('item 41: evaluate runs strict script code with the compartment global as this and returns the completion value', () => {
    // Hand-written script records (docs/record-format.md "Script records"), so this checks the
    // compartment's wiring whatever compiler is installed; the stub records the options it gets.
    const seen: Array<{ text: string; strict: unknown }> = [];
    const scripts: Record<string, ScriptRecord> = {
      'base + 2': { format: 1, strict: true, varNames: [], functionNames: [], lexicalNames: [], globals: ['base'], functor: ($h) => ($h.g as { base: number }).base + 2 },
      'this === globalThis': {
        format: 1, strict: true, varNames: [], functionNames: [], lexicalNames: [], globals: ['globalThis'],
        functor: function (this: unknown, $h) { return this === ($h.g as { globalThis: unknown }).globalThis; },
      },
      'undeclared = 1': {
        format: 1, strict: true, varNames: [], functionNames: [], lexicalNames: [], globals: ['undeclared'],
        functor: ($h) => (($h.g as { undeclared: number }).undeclared = 1),
      },
    };
    installCompiler({
      compileModule: () => { throw new Error('unused'); },
      compileScript: (text, options) => {
        seen.push({ text, strict: options.strict });
        return scripts[text];
      },
    });
    try {
      const c = new Compartment({ globals: { base: 40 } });
      expect(c.evaluate('base + 2')).toBe(42);
      expect(c.evaluate('this === globalThis')).toBe(true);
      expect(() => c.evaluate('undeclared = 1')).toThrow(ReferenceError);
      expect('undeclared' in (c.globalThis as object)).toBe(false);
      expect(() => c.evaluate(5 as unknown as string)).toThrow(TypeError);
      expect(seen.map((s) => s.strict)).toEqual([true, true, true]);
    } finally {
      installNodeCompiler();
    }
  });

  test('item 41: evaluate with the real compiler (hermetic entry): strict, this, completion value, own global only', () => {
    const c = new Compartment({ globals: { base: 40 } });
    expect(c.evaluate('base + 2')).toBe(42);
    expect(c.evaluate('this === globalThis')).toBe(true);
    expect(c.evaluate('(function () { return this; })()')).toBeUndefined();
    expect(() => c.evaluate('undeclared = 1')).toThrow(ReferenceError);
    expect(c.evaluate('typeof process')).toBe('undefined');
    expect(c.evaluate('var v = 1; let l = 2; v + l')).toBe(3);
    expect((c.globalThis as Namespace).v).toBe(1);
  });

  test('item 42: import, load (without running), importNow (throws on top-level await), loadNow', async () => {
    const log: string[] = [];
    const files: Record<string, string> = {
      main: `import './dep'; log.push('main'); export const ok = true;`,
      dep: `log.push('dep');`,
      tla: `await null; export const late = 1;`,
      usesTla: `import { late } from 'tla'; export { late };`,
    };
    const make = () =>
      new Compartment({
        globals: { log },
        resolveHook: (s: string) => s.replace('./', ''),
        loadNowHook: (s: string) => ({ source: new ModuleSource(texts(files)(s)) }),
      });
    const c = make();
    await c.load('main');
    expect(log).toEqual([]);
    c.loadNow('main');
    expect(log).toEqual([]);
    const ns = c.importNow('main') as Namespace;
    expect(ns.ok).toBe(true);
    expect(log).toEqual(['dep', 'main']);
    expect(await c.import('main')).toBe(ns);
    expect(() => c.importNow('usesTla')).toThrow(/top-level await/);
    expect(((await make().import('usesTla')) as Namespace).late).toBe(1);
  });

  test('item 43: lookup order modules → moduleMapHook → load hook; one hook call per full specifier', async () => {
    const calls: string[] = [];
    const c = new Compartment({
      modules: { fromMap: { source: new ModuleSource(`export default 'modules';`) } },
      moduleMapHook: (s: string) => {
        calls.push(`map:${s}`);
        return s === 'fromHook' ? { source: new ModuleSource(`export default 'moduleMapHook';`) } : undefined;
      },
      loadHook: async (s: string) => {
        calls.push(`load:${s}`);
        await new Promise((r) => setTimeout(r, 1));
        return { source: new ModuleSource(`export default 'loadHook:${s}';`) };
      },
      resolveHook: (s: string) => s.replace(/^\.\.?\//, ''),
    });
    const main = new Compartment({
      modules: {},
    });
    void main;
    const [a, b, l1, l2] = await Promise.all([c.import('fromMap'), c.import('fromHook'), c.import('late'), c.import('late')]);
    expect([a, b, l1].map((ns) => (ns as Namespace).default)).toEqual(['modules', 'moduleMapHook', 'loadHook:late']);
    expect(l2).toBe(l1);
    expect(calls).toEqual(['map:fromHook', 'map:late', 'load:late']);
    // two importers reaching the same full specifier through different relative specifiers: one call
    const c2 = new Compartment({
      resolveHook: (s: string, referrer: string) => (s.startsWith('.') ? `${referrer.split('/')[0]}/${s.split('/').pop()}` : s),
      loadHook: async (s: string) => {
        calls.push(s);
        const text: Record<string, string> = {
          'p/main': `import { v } from './shared'; import { w } from 'p/other'; export const both = v + w;`,
          'p/other': `import { v } from '../shared'; export const w = v;`,
          'p/shared': `export const v = 1;`,
        };
        return { source: new ModuleSource(text[s]) };
      },
    });
    calls.length = 0;
    expect(((await c2.import('p/main')) as Namespace).both).toBe(2);
    expect(calls.sort()).toEqual(['p/main', 'p/other', 'p/shared']);
  });

  test('item 44: descriptors {source: record | virtual | parent specifier}, {namespace: string, compartment}, {namespace: object}, specifier aliases, importMeta', async () => {
    const parent = new Compartment({
      modules: { 'parent-only': { source: new ModuleSource(`export const where = typeof inParent === 'undefined' ? 'child global' : 'parent global';`) } },
      globals: { inParent: true },
    });
    const ChildCompartment = (parent.globalThis as { Compartment: typeof Compartment }).Compartment;
    const host = { count: 0 };
    const other = new Compartment({ modules: { counter: { source: new ModuleSource('export let n = 0; export function inc() { n++; }') } } });
    const child = new ChildCompartment({
      modules: {
        fromParent: { source: 'parent-only' },
        virtual: { source: { bindings: [{ export: 'v' }], execute: (env: Namespace) => void (env.v = 'virtual') } },
        shared: { namespace: 'counter', compartment: other },
        object: { namespace: host },
        alias: { source: new ModuleSource(`export const meta = import.meta;`), specifier: 'canonical', importMeta: { url: 'x:/canonical' } },
      },
      loadHook: async (s: string) => (s === 'canonical' ? { source: new ModuleSource('export const never = 1;') } : undefined),
    });
    expect(((await child.import('fromParent')) as Namespace).where).toBe('child global');
    expect(((await child.import('virtual')) as Namespace).v).toBe('virtual');
    const shared = (await child.import('shared')) as { n: number; inc(): void };
    expect(shared).toBe(await other.import('counter'));
    shared.inc();
    expect(((await other.import('counter')) as Namespace).n).toBe(1);
    host.count = 5;
    expect(((await child.import('object')) as Namespace).count).toBe(5);
    const alias = (await child.import('alias')) as { meta: { url: string } };
    expect(await child.import('canonical')).toBe(alias);
    expect(alias.meta.url).toBe('x:/canonical');
    expect(Object.getPrototypeOf(alias.meta)).toBeNull();
    await expect(new Compartment({ modules: { x: { source: 'y' } } }).import('x')).rejects.toThrow(/parent compartment/);
  });

  test('item 44: a namespace object or a Module as a descriptor keeps its instance; SES { record } spelling', async () => {
    const first = new Compartment({ modules: { lib: { source: new ModuleSource('export let n = 1; export function inc() { n++; }') } } });
    const ns = (await first.import('lib')) as { n: number; inc(): void };
    const second = new Compartment({
      modules: { viaNamespace: ns, viaRecordKey: { record: new ModuleSource('export default "from record key";') } },
    });
    expect(await second.import('viaNamespace')).toBe(ns);
    ns.inc();
    expect(((await second.import('viaNamespace')) as { n: number }).n).toBe(2);
    expect(((await second.import('viaRecordKey')) as Namespace).default).toBe('from record key');
  });

  test('item 44: importMetaHook receives the full specifier', async () => {
    const c = new Compartment({
      modules: { 'a.js': { source: new ModuleSource('export default import.meta;') } },
      importMetaHook: (specifier: string, meta: Namespace) => void (meta.url = `test:${specifier}`),
    });
    expect(((await c.import('a.js')) as { default: { url: string } }).default.url).toBe('test:a.js');
  });

  test('item 45: cycles across compartments; shared instances initialise once and share namespace and error identity', async () => {
    const log: string[] = [];
    const left: Compartment = new Compartment({
      globals: { log },
      modules: { right: { namespace: 'r', compartment: undefined as unknown as Compartment } },
      moduleMapHook: (s: string) => (s === 'r' ? { namespace: 'r', compartment: right } : undefined),
      loadHook: async (s: string) => ({
        source: new ModuleSource(
          s === 'l' ? `import { r, readR } from 'r'; log.push('l'); export const l = 'L'; export const fromR = () => readR();` : `throw new Error('x')`,
        ),
      }),
    });
    const right: Compartment = new Compartment({
      globals: { log },
      moduleMapHook: (s: string) => (s === 'l' ? { namespace: 'l', compartment: left } : undefined),
      loadHook: async (s: string) => ({
        source: new ModuleSource(
          s === 'r'
            ? `import { l } from 'l'; log.push('r'); export const r = 'R'; export function readR() { return r + l; }`
            : `log.push('bad'); throw new RangeError('shared failure');`,
        ),
      }),
    });
    void left;
    const viaLeft = (await left.import('l')) as { fromR(): string };
    expect(viaLeft.fromR()).toBe('RL');
    expect(await right.import('l')).toBe(viaLeft);
    expect(log).toEqual(['r', 'l']);
    const a = new Compartment({ moduleMapHook: () => ({ namespace: 'bad', compartment: right }) });
    const e1 = await a.import('anything').catch((e: unknown) => e);
    const e2 = await right.import('bad').catch((e: unknown) => e);
    expect(e1).toBeInstanceOf(RangeError);
    expect(e2).toBe(e1);
    expect(log.filter((x) => x === 'bad')).toHaveLength(1);
  });

  test('items 12, 43: dynamic import() in a compartment module resolves against its referrer and shares the static cache', async () => {
    const calls: string[] = [];
    const files: Record<string, string> = {
      'app/main.js': `import { v } from './dep.js'; export const later = () => import('./dep.js'); export const other = () => import('../x/y.js'); export { v };`,
      'app/dep.js': `export const v = {};`,
      'x/y.js': `export default 'y';`,
    };
    const c = new Compartment({
      loadHook: async (s: string) => {
        calls.push(s);
        return { source: new ModuleSource(files[s.replace(/^\.\//, '')]) };
      },
    });
    const ns = (await c.import('app/main.js')) as { v: object; later(): Promise<{ v: object }>; other(): Promise<{ default: string }> };
    expect((await ns.later()).v).toBe(ns.v);
    expect((await ns.other()).default).toBe('y');
    expect(calls).toEqual(['app/main.js', './app/dep.js', './x/y.js']);
  });

  test('item 43: without a resolveHook, relative specifiers resolve against the referrer (paths and URLs)', () => {
    expect(defaultResolveHook('./b.js', 'lib/a.js')).toBe('./lib/b.js');
    expect(defaultResolveHook('../c.js', 'lib/sub/a.js')).toBe('./lib/c.js');
    expect(defaultResolveHook('../../up.js', './a.js')).toBe('../../up.js');
    expect(defaultResolveHook('../x.js', '../lib/a.js')).toBe('../x.js');
    expect(defaultResolveHook('./x.js', 'https://example.com/app/main.js')).toBe('https://example.com/app/x.js');
    expect(defaultResolveHook('bare', 'lib/a.js')).toBe('bare');
  });

  test('item 46: @@toStringTag is Compartment; methods check their receiver', async () => {
    const c = new Compartment({});
    expect(Object.prototype.toString.call(c)).toBe('[object Compartment]');
    expect(() => Compartment.prototype.evaluate.call({}, '1')).toThrow(TypeError);
    await expect(Compartment.prototype.import.call({}, 'x')).rejects.toThrow(TypeError);
  });
});

describe('Compartment importNow re-entrancy', () => {
  test('item 42: importNow of a module that is still evaluating throws instead of returning a half-run namespace', async () => {
    const seen: string[] = [];
    const c: Compartment = new Compartment({
      globals: {
        reenter: () => {
          try {
            c.importNow('self');
            seen.push('returned');
          } catch (error) {
            seen.push((error as Error).constructor.name);
          }
        },
      },
      modules: { self: { source: new ModuleSource('reenter(); export const done = true;') } },
    });
    expect((c.importNow('self') as { done: boolean }).done).toBe(true);
    expect(seen).toEqual(['TypeError']);
  });
});
