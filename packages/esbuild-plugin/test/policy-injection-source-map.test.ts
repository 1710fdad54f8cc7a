/**
 * The policy is injected into the bundle after esbuild wrote its source map
 * (real esbuild, child process). In a minified bundle most of the code shares
 * the policy's line, so the map must follow the injection: a token after the
 * policy maps back to its exact original line and column, in the output map
 * file and in an inline map alike, and the output map still carries the
 * original text of each transformed file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TraceMap, originalPositionFor, sourceContentFor } from '@jridgewell/trace-mapping';
import { buildInChild } from '../../../tests/browser/support/build-in-child.js';
import { createFixtureApp, type FixtureApp } from '../../../test-fixtures/packages/fixture-app.js';

const MAIN = [
  `import { label } from './label.js';`,
  ``,
  `export function shout(text) {`,
  `  return label + text.toUpperCase();`,
  `}`,
  `console.log(shout("after-the-policy-marker"));`,
  ``,
].join('\n');

// A policy far longer than its placeholder: unshifted, a lookup after it would land thousands of columns early.
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
  const marker = code.indexOf('"after-the-policy-marker"');
  const policy = code.indexOf('JSON.parse("{');
  expect(policy).toBeGreaterThan(0);
  expect(marker).toBeGreaterThan(policy);
  const at = position(code, marker);
  // The check only means something when the marker shares the injected policy's line.
  expect(position(code, policy).line).toBe(at.line);
  expect(code.slice(policy, marker)).toContain('paddingGlobal199');
  const original = originalPositionFor(map, at);
  expect(original.source).toMatch(/src\/main\.js$/);
  expect({ line: original.line, column: original.column }).toEqual({ line: 6, column: MAIN.split('\n')[5].indexOf('"after') });
  expect(sourceContentFor(map, original.source!)).toBe(MAIN);
}

test('in a minified bundle, a token after the injected policy maps to its original line and column (map file)', async () => {
  const outDir = join(app.dir, 'dist');
  await buildInChild({ bundler: 'esbuild', appDir: app.dir, entry: 'src/main.js', outDir, hermetic: true, minify: true, options });
  const code = readFileSync(join(outDir, 'main.js'), 'utf8');
  expectMarkerMapsHome(code, new TraceMap(readFileSync(join(outDir, 'main.js.map'), 'utf8')));
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
