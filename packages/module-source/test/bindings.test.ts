import { compileModule } from '../src/index.js';

const bindingsOf = (text: string) => compileModule(text, { specifier: 'b.js' }).bindings;

describe('bindings (CONFORMANCE 3)', () => {
  test('every import form, in source order', () => {
    expect(
      bindingsOf(`import a from 'm1'; import { b } from 'm2'; import { c as d } from 'm3'; import * as ns from 'm4';
        import 'm5'; import {} from 'm6'; import e, { f } from 'm7'; import g, * as ns2 from 'm8'; import { "x-y" as xy, default as dd } from 'm9';`),
    ).toEqual([
      { import: 'default', as: 'a', from: 'm1' },
      { import: 'b', from: 'm2' },
      { import: 'c', as: 'd', from: 'm3' },
      { importAllFrom: 'm4', as: 'ns' },
      { importFrom: 'm5' },
      { importFrom: 'm6' },
      { import: 'default', as: 'e', from: 'm7' },
      { import: 'f', from: 'm7' },
      { import: 'default', as: 'g', from: 'm8' },
      { importAllFrom: 'm8', as: 'ns2' },
      { import: 'x-y', as: 'xy', from: 'm9' },
      { import: 'default', as: 'dd', from: 'm9' },
    ]);
  });

  test('every export form, in source order', () => {
    expect(
      bindingsOf(`let x = 1, y = 2; export { x }; export { y as z, x as "a-b" };
        export let l1, [l2, { l3 }] = [1, {}]; export const c1 = 1; export var v1; export function f1() {} export class C1 {}
        export async function* ag() {}
        export default 42;
        export { r1 } from 'r'; export { r2 as r3, default as r4, "s-t" as "u-v" } from 'r';
        export * from 'all'; export * as nsx from 'all2';`),
    ).toEqual([
      { export: 'x' },
      { export: 'y', as: 'z' },
      { export: 'x', as: 'a-b' },
      { export: 'l1' },
      { export: 'l2' },
      { export: 'l3' },
      { export: 'c1' },
      { export: 'v1' },
      { export: 'f1' },
      { export: 'C1' },
      { export: 'ag' },
      { export: 'default' },
      { export: 'r1', from: 'r' },
      { export: 'r2', as: 'r3', from: 'r' },
      { export: 'default', as: 'r4', from: 'r' },
      { export: 's-t', as: 'u-v', from: 'r' },
      { exportAllFrom: 'all' },
      { exportAllFrom: 'all2', as: 'nsx' },
    ]);
  });

  test('export of an import binding keeps the local name; export default forms', () => {
    expect(bindingsOf(`import { a } from 'm'; export { a as b };`)).toEqual([
      { import: 'a', from: 'm' },
      { export: 'a', as: 'b' },
    ]);
    expect(bindingsOf(`export default function named() {}`)).toEqual([{ export: 'default' }]);
    expect(bindingsOf(`export default class {}`)).toEqual([{ export: 'default' }]);
    expect(bindingsOf(`const q = 1; export { q as default };`)).toEqual([{ export: 'q', as: 'default' }]);
  });

  test('import attributes are attached, keys sorted', () => {
    expect(bindingsOf(`import j from './d.json' with { type: 'json', b: 'x' }; export { k } from './e.json' with { type: 'json' };`)).toEqual([
      { import: 'default', as: 'j', from: './d.json', attributes: { b: 'x', type: 'json' } },
      { export: 'k', from: './e.json', attributes: { type: 'json' } },
    ]);
  });

  test('export {} from is still a module request', () => {
    expect(bindingsOf(`export {} from 'side';`)).toEqual([{ importFrom: 'side' }]);
  });

  test('the emitted record carries the same bindings', () => {
    const text = `import a from 'm1'; export * as n from 'm2'; export const x = a;`;
    const { code, bindings } = compileModule(text, { format: 'expression' });
    const record = new Function(`return ${code}`)() as { format: number; bindings: unknown; functor: unknown };
    expect(record.format).toBe(2);
    expect(record.bindings).toEqual(bindings);
    expect(Object.prototype.toString.call(record.functor)).toBe('[object GeneratorFunction]');
  });
});

describe('needsImport, needsImportMeta, hasTopLevelAwait (CONFORMANCE 4, 23)', () => {
  test('flags follow the text', () => {
    const none = compileModule(`export const a = () => 1;`);
    expect([none.needsImport, none.needsImportMeta, none.hasTopLevelAwait]).toEqual([false, false, false]);
    const both = compileModule(`export const u = import.meta.url; export const l = () => import('./x.js');`);
    expect([both.needsImport, both.needsImportMeta, both.hasTopLevelAwait]).toEqual([true, true, false]);
    expect(both.code).toContain('needsImport:true');
    expect(both.code).toContain('needsImportMeta:true');
  });

  test('top-level await makes an async generator functor; await in functions does not', () => {
    expect(compileModule(`async function f() { await 1; } const g = async () => await 2;`).hasTopLevelAwait).toBe(false);
    const tla = compileModule(`await 1;`, { format: 'expression' });
    expect(tla.hasTopLevelAwait).toBe(true);
    const record = new Function(`return ${tla.code}`)() as { functor: unknown };
    expect(Object.prototype.toString.call(record.functor)).toBe('[object AsyncGeneratorFunction]');
    expect(compileModule(`for await (const x of []) ;`).hasTopLevelAwait).toBe(true);
    expect(compileModule(`const f = async () => { for await (const x of []); };`).hasTopLevelAwait).toBe(false);
  });
});

describe('globals list (policy input)', () => {
  test('free references in order of first appearance, without locals, imports or undefined/NaN/Infinity', () => {
    const { globals } = compileModule(`import { imp } from 'm';
      const local = 1;
      fetch(local); console.log(typeof document, imp);
      function f(param, arguments2) { let inner; return param + inner + window.x + arguments.length; }
      class K { m() { return K + Math.PI; } }
      undefined; NaN; Infinity; fetch;
      const top = () => arguments;
      self; globalThis; eval;`);
    expect(globals).toEqual(['fetch', 'console', 'document', 'window', 'Math', 'arguments', 'self', 'globalThis', 'eval']);
  });

  test('names shadowed in every kind of scope are not globals', () => {
    const { globals } = compileModule(`
      try {} catch (e) { e; }
      for (const k of []) k;
      { let b = 1; b; function blockFn() {} blockFn(); }
      (function named() { named; })();
      const C = class Inner { m() { Inner; } };
      label: for (;;) { break label; }
      const { a = 1, ...rest } = {}; a; rest;
      switch (0) { case 0: let s; s; }
      ({ key: 1 }).key; ({ [computed]: 1 });`);
    expect(globals).toEqual(['computed']);
  });
});
