/**
 * CommonJS packages under esbuild (real esbuild, child process): esbuild keeps
 * wrapping and linking them, but their bodies run against their own
 * compartment's global (CONFORMANCE 50): a denied global is absent,
 * `globalThis` and a sloppy function's `this` are the package's global, and
 * undeclared writes do not reach the host.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import { buildInChild } from '../../../tests/browser/support/build-in-child.js';
import { createFixtureApp, type FixtureApp } from '../../../test-fixtures/packages/fixture-app.js';
import { COMMONJS_PROBE_MAIN, expectProbeConfinedWhenBuilt, runNode } from '../../../tests/browser/support/commonjs-probe.js';

let app: FixtureApp;
beforeAll(() => {
  app = createFixtureApp({ name: 'esbuild-cjs', fixturePackages: ['policy-cjs'], files: { 'src/main.js': COMMONJS_PROBE_MAIN } });
});
afterAll(() => app.remove());

test('50: a CommonJS package denied fetch cannot read it, and its sloppy this and undeclared writes stay in its own global', async () => {
  await expectProbeConfinedWhenBuilt('esbuild', app.dir, join(app.dir, 'dist'));
}, 180000);

test('the compiled CommonJS body maps back to its original file and line', async () => {
  // Unminified, so the compiled CommonJS body keeps its own lines (minified maps: policy-injection-source-map.test.ts).
  const outDir = join(app.dir, 'dist-unminified');
  await buildInChild({ bundler: 'esbuild', appDir: app.dir, entry: 'src/main.js', outDir, hermetic: true, minify: false });
  const code = readFileSync(join(outDir, 'main.js'), 'utf8');
  const map = new TraceMap(readFileSync(join(outDir, 'main.js.map'), 'utf8'));
  const offset = code.indexOf('.cjsLeak = 1');
  expect(offset).toBeGreaterThan(0);
  const before = code.slice(0, offset + 1);
  const line = before.split('\n').length;
  const column = offset + 1 - (before.lastIndexOf('\n') + 1);
  const original = originalPositionFor(map, { line, column });
  expect(original.source).toMatch(/node_modules\/policy-cjs\/sloppy\.js$/);
  expect(original.line).toBe(12);
}, 180000);

test('a package whose browser field maps its own files: relative require and import resolve to the mapped files, as esbuild maps them', async () => {
  const mapped = createFixtureApp({
    name: 'esbuild-browser-map', fixturePackages: ['browser-mapped'],
    files: { 'src/main.js': `import cjs from 'browser-mapped';\nimport { which } from 'browser-mapped/esm.mjs';\nconsole.log(JSON.stringify({ cjs, esm: which }));\n` },
  });
  try {
    const outDir = join(mapped.dir, 'dist');
    await buildInChild({ bundler: 'esbuild', appDir: mapped.dir, entry: 'src/main.js', outDir, hermetic: true });
    expect(JSON.parse(await runNode(join(outDir, 'main.js')))).toEqual({ cjs: 'browser', esm: 'browser' });
  } finally {
    mapped.remove();
  }
}, 180000);
