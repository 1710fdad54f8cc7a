/**
 * The policy goes into the bundle after the bundler wrote its source map
 * (real esbuild and Rollup, child processes): it is appended after the
 * chunk's code, so in a minified bundle, where the bootstrap shares its line
 * with most of the code, every token still maps back to its exact original
 * line and column, in the output map file and in an inline map alike; the
 * output map still carries the original text of each transformed file, and
 * the bundle runs with the policy.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TraceMap, originalPositionFor, sourceContentFor } from '@jridgewell/trace-mapping';
import { buildInChild } from '../../../tests/browser/support/build-in-child.js';
import { createFixtureApp, type FixtureApp } from '../../../test-fixtures/packages/fixture-app.js';
import { runNode } from '../../../tests/browser/support/commonjs-probe.js';

const MAIN = [
  `import { label } from './label.js';`,
  ``,
  `export function shout(text) {`,
  `  return label + text.toUpperCase();`,
  `}`,
  `console.log(shout("policy-marker"));`,
  ``,
].join('\n');

// A long policy: injected anywhere but after the code, a lookup past it would land thousands of columns off.
// The app itself is put under the policy ($root$), so its modules are compiled and the bundle carries the policy.
const padding = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`paddingGlobal${i}`, true]));
const options = { policyOverride: { resources: { $root$: { globals: { console: true } }, 'unused-padding-package': { globals: padding } } } };

let app: FixtureApp;
beforeAll(() => {
  app = createFixtureApp({
    name: 'esbuild-policy-map',
    files: { 'src/main.js': MAIN, 'src/label.js': `export const label = 'said: ';\n` },
  });
});
afterAll(() => app.remove());

/** 1-based line and 0-based column of `offset` in `text`. */
function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - (before.lastIndexOf('\n') + 1) };
}

function expectMarkerMapsHome(code: string, map: TraceMap): void {
  const marker = code.indexOf('"policy-marker"');
  const call = code.indexOf('__hermetic$policy()');
  const policy = code.indexOf('function __hermetic$policy(){');
  expect(marker).toBeGreaterThan(0);
  expect(call).toBeGreaterThan(0);
  // The policy comes after all the code, on lines of its own.
  expect(policy).toBeGreaterThan(marker);
  expect(code.slice(0, policy).endsWith('\n')).toBe(true);
  expect(code.slice(policy)).toContain('paddingGlobal199');
  const original = originalPositionFor(map, position(code, marker));
  expect(original.source).toMatch(/src\/main\.js$/);
  expect({ line: original.line, column: original.column }).toEqual({ line: 6, column: MAIN.split('\n')[5].indexOf('"policy') });
  expect(sourceContentFor(map, original.source!)).toBe(MAIN);
}

test.each([
  ['esbuild: in a minified bundle, a token on the bootstrap\'s line maps to its original line and column (map file); the bundle runs', 'esbuild', 'dist'],
  ['Rollup: the same holds for a Rollup bundle\'s map file', 'rollup', 'dist-rollup'],
] as const)('%s', async (_name, bundler, dist) => {
  const outDir = join(app.dir, dist);
  await buildInChild({ bundler, appDir: app.dir, entry: 'src/main.js', outDir, hermetic: true, minify: true, options });
  const code = readFileSync(join(outDir, 'main.js'), 'utf8');
  expectMarkerMapsHome(code, new TraceMap(readFileSync(join(outDir, 'main.js.map'), 'utf8')));
  expect((await runNode(join(outDir, 'main.js'))).trim()).toBe('said: POLICY-MARKER');
}, 180000);

test('the same holds for an inline source map', async () => {
  const outDir = join(app.dir, 'dist-inline');
  // run-build.mjs passes `sourcemap` on to esbuild (BuildSpec does not list it).
  const spec = { bundler: 'esbuild' as const, appDir: app.dir, entry: 'src/main.js', outDir, hermetic: true, minify: true, sourcemap: 'inline', options };
  await buildInChild(spec);
  const code = readFileSync(join(outDir, 'main.js'), 'utf8');
  const inline = /\/\/# sourceMappingURL=data:application\/json;base64,([A-Za-z0-9+/=]+)\s*$/.exec(code);
  expect(inline).not.toBeNull();
  expectMarkerMapsHome(code, new TraceMap(Buffer.from(inline![1], 'base64').toString('utf8')));
}, 180000);
