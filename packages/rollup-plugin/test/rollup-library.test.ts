/**
 * @hermetic/rollup-plugin on examples/rollup-library, built by the real
 * Rollup in a child process: a library bundle that re-exports its entry's
 * exports, tree-shakes a `"sideEffects": false` package (lodash-es) as
 * Rollup alone would while its kept modules read globals through their
 * package's scope, and whose source map reaches the original files.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';

const repo = resolve(__dirname, '..', '..', '..');
const example = join(repo, 'examples/rollup-library');

function node(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, args, { cwd: example, timeout: 240000, maxBuffer: 1 << 24 }, (error, stdout, stderr) =>
      done({ code: error ? 1 : 0, stdout, stderr }));
  });
}

let build: { code: number; stdout: string; stderr: string };
beforeAll(async () => {
  build = await node([join(repo, 'node_modules/rollup/dist/bin/rollup'), '-c', '--silent']);
}, 240000);

test('the library builds and its consumers get the entry\'s exports (default, named, re-exported)', async () => {
  expect(build.stderr).not.toMatch(/Error/);
  expect(build.code).toBe(0);
  const demo = await node(['demo.mjs']);
  expect(demo.stderr).toBe('');
  expect(demo.stdout).toBe('Hermetic (rollup-library 1.0.0)\nslugify("Crème Brûlée, à la carte!") = creme-brulee-a-la-carte\nversion 1.0.0\n');
});

test('lodash-es is tree-shaken ("sideEffects": false) and its kept modules read globals through package lodash-es\'s scope', () => {
  const bundle = readFileSync(join(example, 'dist/index.js'), 'utf8');
  expect(bundle).toMatch(/var kebabCase = createCompounder\(/);
  expect(bundle).not.toContain('function chunk(');
  // lodash-es's _root.js finds the global object through `self` and `global`: its package's, not the host's.
  expect(bundle).toMatch(/scopeOf\("lodash-es", true\)/);
  expect(bundle).toMatch(/var freeSelf = [\w$]+\("self"\) == 'object' && [\w$]+\.self/);
  expect(bundle).not.toMatch(/scopeOf\("\$root\$"/);
});

test('the source map leads from the record code back to the original file and line', () => {
  const bundle = readFileSync(join(example, 'dist/index.js'), 'utf8');
  const map = new TraceMap(JSON.parse(readFileSync(join(example, 'dist/index.js.map'), 'utf8')));
  const lines = bundle.split('\n');
  const line = lines.findIndex((l) => l.includes('function slugify(text)')) + 1;
  expect(line).toBeGreaterThan(0);
  const column = lines[line].indexOf('return');
  const original = originalPositionFor(map, { line: line + 1, column });
  expect(original.source).toMatch(/src\/slugify\.js$/);
  expect(original.line).toBe(5);
});
