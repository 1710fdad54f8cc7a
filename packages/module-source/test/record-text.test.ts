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
    expect(record.format).toBe(1);
    expect(record.bindings).toEqual([{ import: 'a', from: './a.js' }, { export: 'b' }]);
    expect(record.globals).toEqual([]);
    const generator = record.functor.call(undefined, { x: (v: unknown) => v, k: () => { throw new ReferenceError('k'); } });
    const [setters, getters, hoisted] = generator.next().value as [Array<(v: unknown) => void>, { [k: string]: () => unknown }, string[]];
    expect(setters).toHaveLength(1);
    expect(Object.keys(getters)).toEqual(['b']);
    expect(hoisted).toEqual([]);
    expect(() => getters.b()).toThrow(ReferenceError); // b is in its TDZ until the body runs
    setters[0]('A');
    expect(generator.next().done).toBe(true);
    expect(getters.b()).toBe('A');
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
