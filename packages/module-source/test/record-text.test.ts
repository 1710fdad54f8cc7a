import { readFileSync, readdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { readdirSync as listDir, statSync } from 'node:fs';
import { parse } from '@babel/parser';
import { compileModule, compileScript } from '../src/index.js';
import { corpus } from './differential-corpus.js';

const nodeModules = path.resolve(__dirname, '../../../node_modules');

describe('the record text', () => {
  test("format 'module' is an ES module whose default export is the record with a real generator functor", async () => {
    const { code } = compileModule(`import { a } from './a.js'; export let b = a;`, { specifier: 'm.js' });
    const dir = mkdtempSync(path.join(tmpdir(), 'hermetic-record-'));
    const file = path.join(dir, 'record.mjs');
    writeFileSync(file, code);
    const { default: record } = (await import(pathToFileURL(file).href)) as {
      default: { format: number; bindings: unknown[]; globals: string[]; functor: (h: object) => Generator<unknown> };
    };
    expect(record.format).toBe(2);
    expect(record.bindings).toEqual([{ import: 'a', from: './a.js' }, { export: 'b' }]);
    expect(record.globals).toEqual([]);
    const generator = record.functor.call(undefined, { x: (v: unknown) => v, k: () => { throw new ReferenceError('k'); } });
    const [set, get, hoisted] = generator.next().value as [(index: number, v: unknown) => void, (index: number) => unknown, string[]];
    expect(typeof set).toBe('function');
    expect(typeof get).toBe('function');
    expect(hoisted).toEqual([]);
    expect(() => get(0)).toThrow(ReferenceError); // b is in its TDZ until the body runs
    set(0, 'A');
    expect(generator.next().done).toBe(true);
    expect(get(0)).toBe('A');
  });

  test('format 2: one setter and one getter, by import entry and local export index, for 0, 1, a few and many entries', () => {
    type FirstYield = [((i: number, v: unknown) => void) | 0, ((j: number) => unknown) | 0, string[]];
    const firstYield = (text: string): FirstYield => {
      const { code } = compileModule(text, { format: 'expression' });
      const record = new Function(`return ${code}`)() as { functor: (h: object) => Generator<unknown> };
      const generator = record.functor.call(undefined, { x: (v: unknown) => v, k: () => undefined });
      return generator.next().value as FirstYield;
    };
    expect(firstYield(`1;`)).toEqual([0, 0, []]);
    for (const count of [1, 3, 7]) {
      const names = Array.from({ length: count }, (_, i) => `n${i}`);
      // Imports: each setter index assigns its own local, which an exported function reads back.
      const importer = firstYield(`import { ${names.join(', ')} } from 'm';\nexport function read() { return [${names.join(', ')}]; }`);
      const set = importer[0] as (i: number, v: unknown) => void;
      names.forEach((_, i) => set(i, `v${i}`));
      const read = (importer[1] as (j: number) => unknown)(0) as () => unknown[];
      expect(read()).toEqual(names.map((_, i) => `v${i}`));
      // Exports: local export j in bindings order, an indirect export (`export { imp }`) skipped, aliases of one local kept apart.
      const exports = names.map((name, i) => `export function ${name}() { return ${i}; }`).join('\n');
      const exporter = firstYield(`import { imp } from 'm';\n${exports}\nexport { imp, n0 as alias };`);
      const get = exporter[1] as (j: number) => () => number;
      expect(names.map((_, j) => get(j)())).toEqual(names.map((_, j) => j));
      expect(get(count)()).toBe(0); // `n0 as alias`
      expect([...exporter[2]].sort()).toEqual([...names, 'alias'].sort());
    }
  });

  test('the text with and without a source map is identical (magic-string and the fast path agree)', () => {
    const texts = [
      ...corpus.flatMap((graph) => Object.values(graph.files)),
      readFileSync(path.join(nodeModules, 'preact/dist/preact.mjs'), 'utf8'),
      ...readdirSync(path.join(nodeModules, 'lodash-es'))
        .filter((f) => f.endsWith('.js'))
        .slice(0, 120)
        .map((f) => readFileSync(path.join(nodeModules, 'lodash-es', f), 'utf8')),
    ];
    for (const text of texts) {
      expect(compileModule(text, { sourceMap: true }).code).toBe(compileModule(text).code);
    }
  });

  test('modules of three/examples/jsm and the CommonJS files of react compile to valid JavaScript', () => {
    const modules: string[] = [];
    const walk = (dir: string): void => {
      for (const name of listDir(dir)) {
        const file = path.join(dir, name);
        if (statSync(file).isDirectory()) walk(file);
        else if (name.endsWith('.js') && statSync(file).size < 40_000) modules.push(file);
      }
    };
    walk(path.join(nodeModules, 'three/examples/jsm'));
    expect(modules.length).toBeGreaterThan(200);
    // Every third file keeps the test quick on a shared machine; the selection is stable.
    for (const file of modules.filter((_, index) => index % 3 === 0)) {
      const { code } = compileModule(readFileSync(file, 'utf8'), { specifier: file });
      expect(() => parse(code, { sourceType: 'module', createImportExpressions: true })).not.toThrow();
    }
    const scripts = listDir(path.join(nodeModules, 'react/cjs')).map((name) => path.join(nodeModules, 'react/cjs', name));
    for (const file of scripts) {
      const { code } = compileScript(readFileSync(file, 'utf8'), { specifier: file });
      expect(() => parse(code, { sourceType: 'script' })).not.toThrow();
    }
  });

  test('import and export declarations keep their line count, so lines match the original', () => {
    const text = `import {\n  a,\n  b\n} from './m.js';\nexport {\n  a\n};\nconsole.log(b);\n`;
    const { code } = compileModule(text, { format: 'expression' });
    const body = code.slice(code.indexOf('];') + 2);
    expect(body.split('\n').findIndex((line) => line.includes('console'))).toBe(7);
  });
});
