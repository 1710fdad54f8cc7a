/**
 * Virtual module sources (CONFORMANCE items 25–29).
 */
import { ModuleSource } from '../../src/module-source.js';
import { Module, importModule, importModuleNow } from '../../src/module.js';
import type { VirtualModuleSource } from '../../src/virtual-source.js';
import { record } from './support.js';

const hookFor = (map: Record<string, object>) => (specifier: string) => {
  const found = map[specifier];
  if (found === undefined) throw new Error(`no ${specifier}`);
  return found;
};

describe('virtual module sources', () => {
  test('item 25: missing bindings means none; execute receives env and { globalThis }', async () => {
    const seen: unknown[] = [];
    const empty = await importModule(new Module({} as VirtualModuleSource));
    expect(Object.keys(empty)).toEqual([]);
    const module = new Module({
      execute(env, context) {
        seen.push(Object.keys(env), Object.keys(context), context.globalThis === globalThis);
      },
    });
    await importModule(module);
    expect(seen).toEqual([[], ['globalThis'], true]);
  });

  test('item 26: env is sealed; imported names read-only, exported names writable and live', async () => {
    const counter = new ModuleSource(record('export let n = 1; export function inc() { n++; }'));
    let env!: Record<string, unknown>;
    const virtual: VirtualModuleSource = {
      bindings: [{ import: 'n', from: 'counter' }, { import: 'inc', from: 'counter' }, { export: 'out' }],
      execute(e) {
        env = e;
        e.out = 'first';
      },
    };
    const reader = new ModuleSource(record(`import { out } from 'virtual'; export const read = () => out;`));
    const vmodule = new Module(virtual, { importHook: hookFor({ counter }) as never });
    const ns = (await importModule(new Module(reader, { importHook: hookFor({ virtual: vmodule }) as never }))) as { read(): unknown };
    expect(Object.isSealed(env)).toBe(true);
    expect(() => {
      'use strict';
      env.added = 1;
    }).toThrow(TypeError);
    expect(() => {
      env.n = 5;
    }).toThrow(TypeError);
    expect(env.n).toBe(1);
    (env.inc as () => void)();
    expect(env.n).toBe(2);
    expect(ns.read()).toBe('first');
    env.out = 'second';
    expect(ns.read()).toBe('second');
    expect((await importModule(vmodule) as { out: string }).out).toBe('second');
  });

  test('item 27: import and importMeta are given only when asked for', async () => {
    const keys: string[][] = [];
    const make = (extra: Partial<VirtualModuleSource>) =>
      new Module({ ...extra, execute: (_env, context) => void keys.push(Object.keys(context).sort()) } as VirtualModuleSource, {
        importHook: () => new ModuleSource(record('export default 3;')),
        importMetaHook: (meta: Record<string, unknown>) => {
          meta.url = 'virtual:x';
        },
      });
    await importModule(make({}));
    await importModule(make({ needsImport: true }));
    await importModule(make({ needsImportMeta: true }));
    expect(keys).toEqual([['globalThis'], ['globalThis', 'import'], ['globalThis', 'importMeta']]);
    let result: unknown;
    let meta: unknown;
    await importModule(
      new Module(
        {
          needsImport: true,
          needsImportMeta: true,
          async execute(_env, context) {
            result = ((await context.import!('x')) as { default: number }).default;
            meta = context.importMeta;
          },
        },
        { importHook: () => new ModuleSource(record('export default 3;')), importMetaHook: (m: Record<string, unknown>) => void (m.url = 'virtual:x') },
      ),
    );
    expect(result).toBe(3);
    expect(meta).toEqual({ url: 'virtual:x' });
    expect(Object.getPrototypeOf(meta)).toBeNull();
  });

  test('item 28: an async execute behaves as top-level await', async () => {
    const log: string[] = [];
    const slow = new Module({
      bindings: [{ export: 'v' }],
      async execute(env) {
        log.push('slow:start');
        await new Promise((r) => setTimeout(r, 5));
        env.v = 'ready';
        log.push('slow:end');
      },
    });
    const importer = new ModuleSource(record(`import { v } from 'slow'; log.push('importer:' + v); export { v };`));
    const { createModuleClass } = await import('../../src/module.js');
    const EnvModule = createModuleClass({ globalThis: { log } });
    const root = new EnvModule(importer, { importHook: () => slow });
    expect(() => importModuleNow(root)).toThrow(/top-level await/);
    const ns = (await importModule(root)) as { v: string };
    expect(log).toEqual(['slow:start', 'slow:end', 'importer:ready']);
    expect(ns.v).toBe('ready');
  });

  test('item 29: a pass-through exportAllFrom virtual source behaves like a direct import; {export, as} renames', async () => {
    const target = new ModuleSource(record('export let a = 1; export const b = 2; export default 0; export function setA(v) { a = v; }'));
    const passThrough = new Module({ bindings: [{ exportAllFrom: 'target' }] }, { importHook: () => target });
    const direct = (await importModule(new Module(target))) as object;
    const through = (await importModule(passThrough)) as { a: number; setA(v: number): void };
    expect(Object.keys(through)).toEqual(Object.keys(direct).filter((k) => k !== 'default'));
    through.setA(10);
    expect(through.a).toBe(10);
    const renamed = new Module({
      bindings: [{ export: 'local', as: 'public' }, { export: 'b', from: 'target', as: 'y' } as never],
      execute(env) {
        env.local = 'L';
      },
    }, { importHook: () => target });
    const ns = (await importModule(renamed)) as Record<string, unknown>;
    expect(Object.keys(ns)).toEqual(['public', 'y']);
    expect([ns.public, ns.y]).toEqual(['L', 2]);
  });
});
