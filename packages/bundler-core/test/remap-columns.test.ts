/**
 * Column maps (module-source's `sourceMap: 'columns'`) against source maps:
 * on real packages compiled in place, every token start of the compiled text
 * (where a bundler looks positions up) gets, through the column map, the
 * same original line and column as through the compiler's source map; and
 * remapColumns moves a bundle map's segments back and restores the text.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { decode, encode } from '@jridgewell/sourcemap-codec';
import { compileCommonJS, compileModuleInPlace } from '@hermetic/module-source';
import { originalColumn, remapColumns } from '../src/remap-columns.js';
import { pruneNonTokenSegments } from '../src/prune-source-map.js';

const repo = join(__dirname, '..', '..', '..');
const requireHere = createRequire(join(repo, 'package.json'));
const file = (path: string): string => readFileSync(join(repo, 'node_modules', path), 'utf8');

const cases: Array<[string, string, 'esm' | 'cjs']> = [
  ['react-dom client (CommonJS, 625 KB)', file('react-dom/cjs/react-dom-client.production.js'), 'cjs'],
  ['react (CommonJS, sloppy this)', file('react/cjs/react.production.js'), 'cjs'],
  ['three.module.js (ES module)', readFileSync(requireHere.resolve('three'), 'utf8'), 'esm'],
  ['lodash-es _root.js', file('lodash-es/_root.js'), 'esm'],
];

test.each(cases)('%s: every token start maps to the same original position through the column map as through the source map', (_name, text, kind) => {
  const options = { specifier: 'x.js', scopePrelude: 'var $hs=scope(),$hg=$hs.g,$hy=$hs.y;', directCalls: ['Error'], preserve: ['process.env.NODE_ENV'] };
  const compile = kind === 'esm' ? compileModuleInPlace : compileCommonJS;
  const mapped = compile(text, { ...options, sourceMap: true });
  const columned = compile(text, { ...options, sourceMap: 'columns' });
  expect(columned.code).toBe(mapped.code);
  expect(columned.map).toBeUndefined();
  const pruned = pruneNonTokenSegments(mapped.map!, mapped.code);
  let checked = 0;
  const mismatches: string[] = [];
  decode(pruned.mappings).forEach((segments, line) => {
    for (const [column, , originalLine, originalCol] of segments) {
      const fromColumns = originalColumn(columned.columns![line], column);
      if (originalLine !== line || fromColumns !== originalCol) mismatches.push(`${line}:${column} -> ${originalLine}:${originalCol}, columns say ${line}:${fromColumns}`);
      checked += 1;
    }
  });
  expect(mismatches.slice(0, 5)).toEqual([]);
  expect(checked).toBeGreaterThan(10);
}, 60000);

test('remapColumns moves the segments of column-mapped modules back, and puts back their original text', () => {
  const original = 'var a = Symbol();\nvar b = typeof window;\n';
  const compiled = compileCommonJS(original, { sourceMap: 'columns', scopePrelude: 'var $hg=s.g,$hy=s.y;' });
  expect(compiled.code.split('\n')[1]).toBe('var b = $hy("window");');
  // A bundle map over the compiled text: one segment at `Symbol` (line 0) and one at `$hy` (line 1).
  const line0 = compiled.code.indexOf('$hg.Symbol');
  const mappings = encode([[[0, 0, 0, 0], [line0, 0, 0, line0]], [[0, 1, 0, 0], [8, 0, 1, 8]]]);
  const json = JSON.stringify({ version: 3, sources: ['../src/a.js', '../other.js'], sourcesContent: [compiled.code, 'other'], names: [], mappings });
  const out = JSON.parse(remapColumns(json, '/app/dist/main.js.map', new Map([['/app/src/a.js', { columns: compiled.columns!, original, lineOffset: 0 }]])));
  expect(decode(out.mappings)).toEqual([[[0, 0, 0, 0], [line0, 0, 0, original.indexOf('Symbol')]], [[0, 1, 0, 0], [8, 0, 1, 8]]]);
  expect(out.sourcesContent).toEqual([original, 'other']);
  // A map that names no such module comes back as it was.
  expect(remapColumns(json, '/elsewhere/main.js.map', new Map([['/app/src/a.js', { columns: {}, original, lineOffset: 0 }]]))).toBe(json);
});

test('remapColumns agrees with decoding, adjusting and re-encoding every segment (random maps with names and unmapped segments)', () => {
  let seed = 7;
  const random = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const columns = { 0: [3, 3, 1, 7, 3, 0], 2: [0, 0, 1, 5, 1, 0, 12, 6, 1, 15, 8, 0] };
  const modules = new Map([['/out/a.js', { columns, original: 'A', lineOffset: 0 }], ['/out/c.js', { columns: { 1: [2, 2, 1, 4, 2, 0] }, original: 'C', lineOffset: 1 }]]);
  for (let round = 0; round < 20; round++) {
    const lines = Array.from({ length: 1 + random(6) }, () => {
      let column = 0;
      return Array.from({ length: random(8) }, () => {
        column += 1 + random(9);
        const kind = random(10);
        if (kind === 0) return [column];
        const segment = [column, random(3), random(4), random(30)];
        return kind < 3 ? [...segment, random(5)] : segment;
      });
    });
    const json = JSON.stringify({ version: 3, sources: ['a.js', 'b.js', 'c.js'], names: ['x', 'y', 'z', 'u', 'v'], mappings: encode(lines as never) });
    const expected = lines.map((segments) => segments.map((segment) => {
      if (segment.length < 4) return segment;
      const module = segment[1] === 0 ? modules.get('/out/a.js')! : segment[1] === 2 ? modules.get('/out/c.js')! : undefined;
      if (module === undefined) return segment;
      const line = segment[2] - module.lineOffset;
      const moved = line < 0 ? [0, 0] : [line, originalColumn((module.columns as Record<number, number[]>)[line], segment[3])];
      return [segment[0], segment[1], moved[0], moved[1], ...segment.slice(4)];
    }));
    const out = JSON.parse(remapColumns(json, '/out/main.js.map', modules)) as { mappings: string; sourcesContent: unknown[] };
    expect(decode(out.mappings)).toEqual(expected);
    expect(out.sourcesContent).toEqual(['A', null, 'C']);
  }
});

test('remapColumns splices the map text as parsing and printing the whole map would (escapes, sourceRoot, layout, missing or short sourcesContent)', () => {
  const original = 'var q = "a\\"b\u2028é";\nvar w = Symbol();\n';
  const compiled = compileCommonJS(original, { sourceMap: 'columns', scopePrelude: 'var $hg=s.g,$hy=s.y;' });
  const line1 = compiled.code.split('\n')[1].indexOf('$hg.Symbol');
  const mappings = encode([[[0, 1, 0, 0]], [[0, 0, 1, 0], [line1, 0, 1, line1], [line1 + 4, 2, 0, 3]]]);
  const modules = new Map([['/app/src/we"ird\\a.js', { columns: compiled.columns!, original, lineOffset: 0 }]]);
  // What remapColumns did before it spliced: parse the whole map, change two fields, print it again.
  const reference = (json: string): unknown => {
    const map = JSON.parse(json) as { sources: string[]; sourceRoot?: string; sourcesContent?: Array<string | null>; mappings: string };
    const base = join('/app/dist', map.sourceRoot ?? '');
    const bySource = map.sources.map((source) => modules.get(join(base, source)));
    const lines = decode(map.mappings).map((segments) => segments.map((s) => {
      const module = s.length >= 4 ? bySource[s[1]!] : undefined;
      return module === undefined ? s : [s[0], s[1]!, s[2]!, originalColumn(module.columns[s[2]!], s[3]!), ...s.slice(4)];
    }));
    const contents = map.sourcesContent ?? [];
    return { ...map, mappings: encode(lines as never), sourcesContent: map.sources.map((_s, i) => bySource[i]?.original ?? contents[i] ?? null) };
  };
  const maps = [
    { version: 3, sources: ['../src/we"ird\\a.js', 'b.js', 'c.js'], sourcesContent: [compiled.code, 'b "quoted" \\ text', null], mappings, names: ['x'] },
    { version: 3, sourceRoot: '../src/', sources: ['we"ird\\a.js', 'b.js', 'c.js'], sourcesContent: [compiled.code, 'b', 'c'], mappings, names: [] },
    { version: 3, sources: ['../src/we"ird\\a.js', 'b.js', 'c.js'], mappings, names: [] },
    { version: 3, sources: ['../src/we"ird\\a.js', 'b.js', 'c.js'], sourcesContent: [compiled.code], mappings, names: [] },
    { names: [{ nested: ['[', ']', '{'] }], mappings, sources: ['b.js', 'c.js', '../src/we"ird\\a.js'], sourcesContent: ['b', 'c', compiled.code], version: 3 },
  ];
  for (const map of maps) {
    for (const json of [JSON.stringify(map), JSON.stringify(map, null, 2), JSON.stringify(map).replace(/é/g, '\\u00e9')]) {
      const out = remapColumns(json, '/app/dist/main.js.map', modules);
      expect(out).not.toBe(json);
      expect(JSON.parse(out)).toEqual(reference(json));
    }
  }
});
