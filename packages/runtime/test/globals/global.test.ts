/**
 * new Global and Evaluators through the `hermetic` package in Node, where
 * text is compiled at run time (CONFORMANCE 30–37). Script semantics are
 * checked against Node's own `vm` contexts where a native answer exists.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { Evaluators, Global, ModuleSource } from 'hermetic';

type Bag = Record<PropertyKey, unknown>;
type AnyFunction = (...args: unknown[]) => unknown;
type GlobalObject = Bag & { eval: (s: unknown) => unknown; Function: AnyFunction & (new (...a: string[]) => AnyFunction); import: (s: unknown) => Promise<Bag>; Global: typeof Global };

const newGlobal = (options?: object): GlobalObject => new Global(options as never) as unknown as GlobalObject;

function outcome(run: () => unknown): unknown {
  try {
    const value = run();
    return { value: typeof value === 'function' ? 'function' : value };
  } catch (error) {
    return { error: (error as Error).constructor.name };
  }
}

describe('Evaluators (item 30)', () => {
  test('eval, Function and Module evaluate against the given globalThis', async () => {
    const target: Bag = { base: 40 };
    target.globalThis = target;
    const evaluators = new Evaluators({ globalThis: target });
    expect(evaluators.eval('var declared = base + 1; declared + 1')).toBe(42);
    expect(target.declared).toBe(41);
    const add = evaluators.Function('n', 'return base + n') as (n: number) => number;
    expect(add(2)).toBe(42);
    target.base = 0;
    expect(add(2)).toBe(2);
    expect(evaluators.eval('typeof process')).toBe('undefined');
    const module = new evaluators.Module(new ModuleSource('export const seen = base; export const self = globalThis;'));
    const namespace = await (evaluators.eval('m => import(m)') as (m: unknown) => Promise<Bag>)(module);
    expect(namespace.seen).toBe(0);
    expect(namespace.self).toBe(target);
  });

  test('importHook serves import() of evaluated code; importMeta is copied onto import.meta', async () => {
    const calls: unknown[] = [];
    const evaluators = new Evaluators({
      globalThis: {},
      importHook: (specifier: string, attributes: object) => {
        calls.push([specifier, attributes]);
        return new ModuleSource('export const meta = import.meta.tag;');
      },
      importMeta: { tag: 'given' },
    });
    const namespace = (await (evaluators.eval('import("dep")') as Promise<Bag>));
    expect(calls).toEqual([['dep', {}]]);
    expect(namespace.meta).toBe('given');
  });

  test("modules made by an Evaluators' Module load their static imports through its importHook", async () => {
    const requested: string[] = [];
    const target: Bag = { shared: 'target global' };
    const evaluators = new Evaluators({
      globalThis: target,
      importHook: (specifier: string) => {
        requested.push(specifier);
        return new ModuleSource('export default shared;');
      },
    });
    const module = new evaluators.Module(new ModuleSource('import value from "dep"; export { value };'));
    const namespace = await (evaluators.eval('m => import(m)') as (m: unknown) => Promise<Bag>)(module);
    expect(requested).toEqual(['dep']);
    expect(namespace.value).toBe('target global');
  });

  test('a module that reads a name its global lacks rejects with ReferenceError', async () => {
    const evaluators = new Evaluators({ globalThis: {} });
    const module = new evaluators.Module(new ModuleSource('export const self = globalThis;'));
    await expect((evaluators.eval('m => import(m)') as (m: unknown) => Promise<Bag>)(module)).rejects.toBeInstanceOf(ReferenceError);
  });

  test('eval returns non-strings unchanged; hooks must be callable', () => {
    const evaluators = new Evaluators({ globalThis: {} });
    const object = {};
    expect(evaluators.eval(object)).toBe(object);
    expect(evaluators.eval(5)).toBe(5);
    expect(() => new Evaluators({ globalThis: {}, importHook: 'nope' as never })).toThrow(TypeError);
    expect(() => new Evaluators({ globalThis: {}, importMeta: 5 as never })).toThrow(TypeError);
    expect(() => (Evaluators as unknown as () => unknown)()).toThrow(TypeError);
    expect(() => newGlobal({ importHook: 1 })).toThrow(TypeError);
  });
});

describe('new Global (items 31–33)', () => {
  test('configurable copies of every own property of the parent global (item 31)', () => {
    const g = newGlobal();
    for (const key of Reflect.ownKeys(globalThis)) {
      if (['globalThis', 'Global', 'eval', 'Function', 'import'].includes(key as string)) continue;
      const own = Reflect.getOwnPropertyDescriptor(g, key);
      expect(own).toBeDefined();
      expect(own?.configurable).toBe(true);
    }
    expect(Reflect.getOwnPropertyDescriptor(globalThis, 'NaN')?.configurable).toBe(false);
    expect(g.Object).toBe(Object);
    expect(g.Array).toBe(Array);
  });

  test('keys selects what is copied; keys: [] leaves even Object out (item 31)', () => {
    const some = newGlobal({ keys: ['Math'] });
    expect(some.Math).toBe(Math);
    expect('Object' in some).toBe(Reflect.has(Object.getPrototypeOf(globalThis) as object, 'Object'));
    expect(some.eval('typeof Array')).toBe('undefined');
    const none = newGlobal({ keys: [] });
    expect(Object.prototype.hasOwnProperty.call(none, 'Object')).toBe(false);
    expect(none.eval('typeof Object')).toBe('undefined');
    expect(() => none.eval('Object')).toThrow(ReferenceError);
    expect(() => newGlobal({ keys: [1] })).toThrow(TypeError);
  });

  test("own Global, eval and Function that share the parent's prototypes (item 32)", () => {
    const g = newGlobal();
    expect(g.Global).not.toBe(Global);
    expect(g.eval).not.toBe(globalThis.eval);
    expect(g.Function).not.toBe(Function);
    expect(g.Function.prototype).toBe(Function.prototype);
    expect(g.eval('Function')).toBe(g.Function);
    expect(g.eval('eval')).toBe(g.eval);
    g.answer = 42;
    const made = new g.Function('return answer');
    expect(made()).toBe(42);
    expect((g.Function('a', 'b', 'return a + b + answer') as AnyFunction)(1, 2)).toBe(45);
    expect(made).toBeInstanceOf(g.Function);
    expect(Object.getPrototypeOf(g.eval('(async () => {})'))).toBe(Object.getPrototypeOf(async () => {}));
    expect(Object.getPrototypeOf(g.eval('(function* () {})'))).toBe(Object.getPrototypeOf(function* () {}));
    expect(Object.getPrototypeOf(g.eval('(async function* () {})'))).toBe(Object.getPrototypeOf(async function* () {}));
    expect(g.Function.name).toBe('Function');
    expect(() => new (g.eval as unknown as new () => unknown)()).toThrow(TypeError);
  });

  test('a Global made by g.Global replicates g, not the host (item 32)', () => {
    const g = newGlobal();
    g.onlyInG = 'g';
    const child = new g.Global() as unknown as GlobalObject;
    expect(child.onlyInG).toBe('g');
    expect(child.Global).not.toBe(g.Global);
    expect(child.eval('onlyInG')).toBe('g');
    child.onlyInG = 'child';
    expect(g.onlyInG).toBe('g');
    expect(() => (Global as unknown as () => unknown)()).toThrow(TypeError);
  });

  test('settable prototype; own globalThis is the global itself (item 33)', () => {
    const g = newGlobal({ keys: [] });
    expect(g.globalThis).toBe(g);
    expect(g.eval('globalThis')).toBe(g);
    expect(g.eval('this')).toBe(g);
    Object.setPrototypeOf(g, { inherited: 'from prototype' });
    expect(g.eval('inherited')).toBe('from prototype');
    expect(g.eval('typeof inherited')).toBe('string');
  });
});

describe('g.eval runs script-goal code with g as global (item 35)', () => {
  test('var/function become properties of g, let/const/class are shared by later scripts only', () => {
    const g = newGlobal();
    expect(g.eval('var v = 1; function f() { return l; } let l = "lexical"; const c = 3; class K {} v')).toBe(1);
    expect(g.v).toBe(1);
    expect(typeof g.f).toBe('function');
    expect('l' in g).toBe(false);
    expect(g.eval('[f(), l, c, typeof K]')).toEqual(['lexical', 'lexical', 3, 'function']);
    expect(() => g.eval('let l = 2')).toThrow(SyntaxError);
    expect(() => g.eval('var l')).toThrow(SyntaxError);
    expect((globalThis as Bag).v).toBeUndefined();
  });

  test('a top-level const rejects assignment, in its own script and in later ones', () => {
    const g = newGlobal();
    expect(() => g.eval('const c = 3; c = 4')).toThrow(TypeError);
    expect(g.eval('c')).toBe(3);
    expect(() => g.eval('c = 5')).toThrow(TypeError);
    expect(g.eval('c')).toBe(3);
  });

  test('sloppy assignment to an undeclared name creates a property of g; strict code throws', () => {
    const g = newGlobal();
    g.eval('implicitGlobal = 5');
    expect(g.implicitGlobal).toBe(5);
    expect((globalThis as Bag).implicitGlobal).toBeUndefined();
    expect(() => g.eval('"use strict"; otherImplicit = 1')).toThrow(ReferenceError);
    expect('otherImplicit' in g).toBe(false);
  });

  test('the same script sequence gives the same results as a native vm context', () => {
    const scripts = [
      'var a = 1; a',
      'let b = a + 1; b',
      'function f() { return b * 10; } f()',
      'b = 5; f()',
      'let a = 1',
      'var b',
      'typeof notDeclared',
      'notDeclared',
      'created = 9; created + a',
      '(function () { "use strict"; return this; })()',
      'this === globalThis',
      'x1; let x1 = 1',
      'typeof x1',
    ];
    const context = vm.createContext({});
    const native = scripts.map((script) => outcome(() => vm.runInContext(script, context)));
    const g = newGlobal({ keys: [] });
    const ours = scripts.map((script) => outcome(() => g.eval(script)));
    expect(ours).toEqual(native);
  });

  test('declaration forms and conflicts give the same results as a native vm context', () => {
    const scripts = [
      'function f() { return 1; } function f() { return 2; } f()',
      'var f; typeof f',
      'let { a, b: [c, ...d] = [1, 2, 3] } = { a: "A" }; [a, c, d]',
      'a = "reassigned"; a',
      'class C { static m() { return "m"; } } C.m()',
      'var C',
      'for (var k in { x: 1, y: 2 }); k',
      'for (let j = 0; j < 2; j++); typeof j',
      '{ function inBlock() { return "annex b"; } } inBlock()',
      'typeof inBlock',
      'var late = typeof hoisted; function hoisted() {} late',
      'let tdz = typeof laterLet; let laterLet = 1',
      'typeof tdz',
      'var x1 = 1; var x1 = 2; x1',
      'if (true) { 5 } else { 6 }',
      '1; var noCompletion',
      'try { throw { message: "e" } } catch ({ message }) { message }',
      '(() => { try { return "try" } finally { "ignored" } })()',
      'var [p, q = p + 1] = [10]; [p, q]',
      'let g1 = 1; { let g1 = 2; } g1',
    ];
    const context = vm.createContext({});
    const native = scripts.map((script) => outcome(() => vm.runInContext(script, context)));
    const g = newGlobal({ keys: [] });
    const ours = scripts.map((script) => outcome(() => g.eval(script)));
    expect(ours).toEqual(native);
  });

  test("a sloppy function's nullish this is g, never the host global", () => {
    const g = newGlobal({ keys: [] });
    // Compared as booleans: a failure must not make Jest print the host global.
    expect(g.eval('(function () { return this; })() === globalThis')).toBe(true);
    expect(g.eval('typeof (function () { return this; })().process')).toBe('undefined');
    expect((new g.Function('return this') as () => unknown)() === g).toBe(true);
  });

  test('a syntax error is a SyntaxError and declares nothing', () => {
    const g = newGlobal();
    expect(() => g.eval('var before = 1; let let = 2')).toThrow(SyntaxError);
    expect('before' in g).toBe(false);
  });
});

describe('import through a Global (items 34, 36, 37)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hermetic-global-'));
  const file = join(dir, 'host-module.mjs');
  writeFileSync(file, 'export const token = {};\n');
  const url = pathToFileURL(file).href;

  test('without hooks, import() uses the host loader and module map (item 34)', async () => {
    const g = newGlobal();
    const native = (await import(url)) as Bag;
    const viaImport = await g.import(url);
    const viaEval = await (g.eval(`import(${JSON.stringify(url)})`) as Promise<Bag>);
    expect(viaImport.token).toBe(native.token);
    expect(viaEval.token).toBe(native.token);
    const child = new g.Global() as unknown as GlobalObject;
    expect(((await child.import(url)) as Bag).token).toBe(native.token);
  });

  test('a global without hooks inherits its parent global\'s hooks (item 34)', async () => {
    const requested: string[] = [];
    const parent = newGlobal({
      importHook: (specifier: string) => {
        requested.push(specifier);
        return new ModuleSource('export default globalThis;');
      },
    });
    const child = new parent.Global() as unknown as GlobalObject;
    const namespace = await child.import('inherited');
    expect(requested).toEqual(['inherited']);
    expect(namespace.default).toBe(child);
  });

  test('g.import(source) ≡ g.eval("s => import(s)")(source), one instance per global (item 36)', async () => {
    const g = newGlobal();
    g.marker = 'g';
    const source = new ModuleSource('export const seen = marker; export const self = globalThis;');
    const viaMethod = await g.import(source);
    const viaEval = await (g.eval('s => import(s)') as (s: unknown) => Promise<Bag>)(source);
    expect(viaMethod).toBe(viaEval);
    expect(viaMethod.seen).toBe('g');
    expect(viaMethod.self).toBe(g);
    const other = newGlobal();
    other.marker = 'other';
    const elsewhere = await other.import(source);
    expect(elsewhere).not.toBe(viaMethod);
    expect(elsewhere.seen).toBe('other');
  });

  test("import() in evaluated scripts goes to the global's importHook, in a module to the module's handler (item 37)", async () => {
    const globalRequests: unknown[] = [];
    const handlerRequests: unknown[] = [];
    const g = newGlobal({
      importHook: (specifier: string, attributes: object) => {
        globalRequests.push([specifier, attributes]);
        return new ModuleSource(`export const name = ${JSON.stringify(specifier)}; export const self = globalThis;`);
      },
    });
    const fromScript = await (g.eval('import("from-script", { with: { type: "x" } })') as Promise<Bag>);
    expect(globalRequests).toEqual([['from-script', { type: 'x' }]]);
    expect(fromScript.self).toBe(g);
    // A module without a handler of its own imports through the global.
    const plain = new ModuleSource('export const inner = import("from-plain-module");');
    const plainNamespace = await g.import(plain);
    expect(((await plainNamespace.inner) as Bag).name).toBe('from-plain-module');
    expect(globalRequests).toHaveLength(2);
    // A module with its own handler imports through that handler.
    const handled = new ModuleSource(new ModuleSource('export const inner = import("from-handled-module");'), {
      importHook(specifier: string) {
        handlerRequests.push(specifier);
        return new ModuleSource('export const name = "handler";');
      },
    });
    const handledNamespace = await g.import(handled);
    expect(((await handledNamespace.inner) as Bag).name).toBe('handler');
    expect(handlerRequests).toEqual(['from-handled-module']);
    expect(globalRequests).toHaveLength(2);
  });

  test("a Global's importMetaHook and importMeta reach the import.meta of its modules, once per module", async () => {
    const seen: object[] = [];
    const g = newGlobal({ importMeta: { base: 'given' }, importMetaHook: (meta: object) => seen.push(meta) });
    const namespace = await g.import(new ModuleSource('export const meta = import.meta; export const base = import.meta.base;'));
    expect(namespace.base).toBe('given');
    expect(seen).toEqual([namespace.meta]);
    expect(Object.getPrototypeOf(namespace.meta)).toBeNull();
    const child = new g.Global() as unknown as GlobalObject;
    await child.import(new ModuleSource('export default import.meta;'));
    expect(seen).toHaveLength(2);
  });

  test('a hook result that is not a Module or ModuleSource rejects with a TypeError naming the specifier', async () => {
    const g = newGlobal({ importHook: () => ({}) });
    await expect(g.import('bad')).rejects.toThrow(/'bad'/);
    await expect(g.import('bad')).rejects.toBeInstanceOf(TypeError);
  });
});
