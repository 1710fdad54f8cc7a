/**
 * ModuleSource (CONFORMANCE items 1–8).
 */
import { ModuleSource } from '../../src/module-source.js';
import { Module, importModule } from '../../src/module.js';
import { installCompiler } from '../../src/install-compiler.js';
import type { ModuleRecord } from '../../src/record-types.js';
import { record } from './support.js';

/** A hand-written format-1 record: `import { x } from './dep.js'; export const y = x + 1;` */
function handWritten(): ModuleRecord {
  return {
    format: 1,
    bindings: [{ import: 'x', from: './dep.js' }, { export: 'y' }],
    globals: [],
    functor: function* ($h) {
      let x: unknown;
      yield [[(v: unknown) => (x = v)], { y: () => y }, []];
      const y = ((x ?? $h.k(0)) as number) + 1;
      $h.x(undefined, 'y');
    },
  } as ModuleRecord;
}

const dep = (): ModuleRecord =>
  ({
    format: 1,
    bindings: [{ export: 'x' }],
    globals: [],
    functor: function* ($h) {
      yield [[], { x: () => x }, []];
      const x = 41;
      $h.x(undefined, 'x');
    },
  }) as ModuleRecord;

describe('ModuleSource', () => {
  test('item 1: requires new', () => {
    expect(() => (ModuleSource as unknown as (r: unknown) => unknown)(handWritten())).toThrow(TypeError);
  });

  test('item 1: a precompiled record links (hand-written format 1)', async () => {
    const depSource = new ModuleSource(dep());
    const module = new Module(new ModuleSource(handWritten()), { importHook: () => depSource });
    const ns = (await importModule(module)) as { y: number };
    expect(ns.y).toBe(42);
  });

  test('item 1: unsupported record formats are a TypeError naming the format', () => {
    expect(() => new ModuleSource({ ...handWritten(), format: 3 } as unknown as ModuleRecord)).toThrow(/format 3/);
  });

  /** Format 2 (what the compiler emits): one setter and one getter, each taking the entry's index. */
  const formatTwo = (): { importer: ModuleRecord; exporter: ModuleRecord } => ({
    // import { a, b as c } from './dep.js'; export let y = a + c; export { y as z }; export function f() {}
    importer: {
      format: 2,
      bindings: [{ import: 'a', from: './dep.js' }, { import: 'b', as: 'c', from: './dep.js' }, { export: 'y' }, { export: 'y', as: 'z' }, { export: 'f' }],
      globals: [],
      functor: function* ($h) {
        let a: unknown, c: unknown;
        yield [
          (i: number, v: unknown) => {
            switch (i) {
              case 0: a = v; break;
              case 1: c = v;
            }
          },
          (i: number) => {
            switch (i) {
              case 0: case 1: return y;
              case 2: return f;
            }
          },
          ['f'],
        ];
        const y = ((a ?? $h.k(0)) as number) + ((c ?? $h.k(1)) as number);
        $h.x(undefined, 'y', 'z');
        function f(): string { return 'f'; }
      },
    } as ModuleRecord,
    // export let a = 40; export const b = 2; export function bump() { a++; }
    exporter: {
      format: 2,
      bindings: [{ export: 'a' }, { export: 'b' }, { export: 'bump' }],
      globals: [],
      functor: function* ($h) {
        yield [0, (i: number) => (i === 0 ? a : i === 1 ? b : bump), ['bump']];
        let a = 40;
        $h.x(undefined, 'a');
        const b = 2;
        $h.x(undefined, 'b');
        function bump(): void { $h.x(a++, 'a'); }
      },
    } as ModuleRecord,
  });

  test('item 1: a format-2 record links: setter and getter by index, live bindings, hoisted functions', async () => {
    const { importer, exporter } = formatTwo();
    const depSource = new ModuleSource(exporter);
    const module = new Module(new ModuleSource(importer), { importHook: () => depSource });
    const ns = (await importModule(module)) as { y: number; z: number; f: () => string };
    expect([ns.y, ns.z, ns.f()]).toEqual([42, 42, 'f']);
    expect(Object.keys(ns)).toEqual(['f', 'y', 'z']);
    const depNs = (await importModule(new Module(depSource, { importHook: () => depSource }))) as { a: number; bump: () => void };
    expect(depNs.a).toBe(40);
    depNs.bump();
    expect(depNs.a).toBe(41);
  });

  test('item 1: a format-2 record whose first yield lacks its setter or getter is a TypeError naming the module', async () => {
    const { importer, exporter } = formatTwo();
    const broken = { ...importer, functor: function* () { yield [0, 0, []]; } } as unknown as ModuleRecord;
    const depSource = new ModuleSource(exporter);
    await expect(importModule(new Module(new ModuleSource(broken), { importHook: () => depSource }))).rejects.toThrow(/malformed: expected an import setter function for 2 import entries/);
    const noGetter = { ...exporter, functor: function* () { yield [0, 0, []]; } } as unknown as ModuleRecord;
    await expect(importModule(new Module(new ModuleSource(noGetter), { importHook: () => depSource }))).rejects.toThrow(/malformed: expected an export getter function for 3 local exports/);
  });

  test('item 2: @@toStringTag and receiver checks', () => {
    const source = new ModuleSource(handWritten());
    expect(Object.prototype.toString.call(source)).toBe('[object ModuleSource]');
    const getter = Object.getOwnPropertyDescriptor(ModuleSource.prototype, 'bindings')!.get!;
    expect(() => getter.call({})).toThrow(TypeError);
    const needsImport = Object.getOwnPropertyDescriptor(ModuleSource.prototype, 'needsImport')!.get!;
    expect(() => needsImport.call(Object.create(ModuleSource.prototype))).toThrow(TypeError);
  });

  test('item 3: bindings in source order, every form, bare import visible', () => {
    const source = new ModuleSource(
      record(`import 'side'; import d from 'a'; import { b as c } from 'b'; import * as ns from 'n';
        export { c as e }; export let l = 1; export * from 's'; export * as star from 't'; export { q as "a-b" } from 'u';`),
    );
    expect(source.bindings).toEqual([
      { importFrom: 'side' },
      { import: 'default', as: 'd', from: 'a' },
      { import: 'b', as: 'c', from: 'b' },
      { importAllFrom: 'n', as: 'ns' },
      { export: 'c', as: 'e' },
      { export: 'l' },
      { exportAllFrom: 's' },
      { exportAllFrom: 't', as: 'star' },
      { export: 'q', as: 'a-b', from: 'u' },
    ]);
  });

  test('item 4: needsImport and needsImportMeta', () => {
    const plain = new ModuleSource(record('export const a = 1;'));
    expect([plain.needsImport, plain.needsImportMeta]).toEqual([false, false]);
    const both = new ModuleSource(record('export const a = import.meta; export const f = () => import("x");'));
    expect([both.needsImport, both.needsImportMeta]).toEqual([true, true]);
  });

  test('item 5: mutating bindings does not affect linking; each read is a fresh copy', async () => {
    const source = new ModuleSource(handWritten());
    const bindings = source.bindings as Array<Record<string, unknown>>;
    bindings[0].from = './elsewhere.js';
    bindings.push({ export: 'z' });
    expect(source.bindings).not.toBe(source.bindings);
    expect(source.bindings).toEqual([{ import: 'x', from: './dep.js' }, { export: 'y' }]);
    const seen: string[] = [];
    const depSource = new ModuleSource(dep());
    const ns = await importModule(new Module(source, { importHook: (s: string) => (seen.push(s), depSource) }));
    expect(seen).toEqual(['./dep.js']);
    expect(Object.keys(ns)).toEqual(['y']);
  });

  test('item 6: one source backs many instances; new ModuleSource(other, handler) is a new identity for the same code', async () => {
    const text = record('export let n = 0; export function inc() { n++; }');
    const source = new ModuleSource(text);
    const a = (await importModule(new Module(source))) as { n: number; inc(): void };
    const b = (await importModule(new Module(source))) as { n: number; inc(): void };
    a.inc();
    expect([a.n, b.n]).toEqual([1, 0]);
    const copy = new ModuleSource(source, {});
    expect(copy).not.toBe(source);
    expect(copy.bindings).toEqual(source.bindings);
  });

  test('item 7: handler hooks captured at construction, called with the handler as this, attributes sorted', async () => {
    const calls: unknown[] = [];
    const target = new ModuleSource(record('export default 1;'));
    const handler = {
      importHook(this: unknown, specifier: string, attributes: Record<string, string>) {
        calls.push([this === handler, specifier, Object.keys(attributes)]);
        return target;
      },
      importMetaHook(this: unknown, meta: Record<string, unknown>) {
        calls.push(['meta', this === handler]);
        meta.tag = 'x';
      },
    };
    const source = new ModuleSource(
      new ModuleSource(record(`import v from './t.js' with { z: 'z', a: 'a', type: 't' }; export const m = import.meta.tag, w = v;`)),
      handler,
    );
    handler.importHook = () => {
      throw new Error('replaced hook must not be called');
    };
    const module = new Module(source);
    const ns = (await importModule(module)) as { m: string; w: number };
    expect(ns).toMatchObject({ m: 'x', w: 1 });
    expect(calls).toEqual([[true, './t.js', ['a', 'type', 'z']], ['meta', true]]);
  });

  test('item 8: without a compiler, new ModuleSource(text) throws EvalError saying to precompile', () => {
    expect(() => new ModuleSource('export default 1')).toThrow(EvalError);
    expect(() => new ModuleSource('export default 1')).toThrow(/[Pp]recompile/);
  });

  test('item 1: with a compiler, a parse error is a SyntaxError at construction', () => {
    installCompiler({
      compileModule: (text) => record(text),
      compileScript: () => {
        throw new Error('unused');
      },
    });
    expect(() => new ModuleSource('export let = ;')).toThrow(SyntaxError);
    expect(new ModuleSource('export const a = 1;').bindings).toEqual([{ export: 'a' }]);
  });
});
