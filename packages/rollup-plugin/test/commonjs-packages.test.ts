/**
 * CommonJS packages under Rollup (real Rollup, child process): they go
 * through @rollup/plugin-commonjs and run outside compartments, next to
 * compartmentalized ES module packages. (Turning its output into records
 * fails: it resolves CommonJS named exports at bundle time through
 * `syntheticNamedExports`, which a record cannot declare.)
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { buildInChild } from '../../../tests/browser/support/build-in-child.js';
import { createFixtureApp, type FixtureApp } from '../../../test-fixtures/packages/fixture-app.js';

let app: FixtureApp;
beforeAll(() => {
  app = createFixtureApp({
    name: 'rollup-cjs',
    fixturePackages: ['policy-cjs'],
    files: {
      'src/main.js': `import { sum, probeFetch, probeAliased } from 'policy-cjs';\nconsole.log(JSON.stringify({ sum: sum(2, 3), fetch: probeFetch(), aliased: probeAliased(), host: typeof fetch }));\n`,
    },
  });
});
afterAll(() => app.remove());

function run(file: string): Promise<string> {
  return new Promise((done, fail) => {
    execFile(process.execPath, [file], { timeout: 60000 }, (error, stdout, stderr) => (error ? fail(new Error(stderr)) : done(stdout)));
  });
}

test('a CommonJS package works in a Hermetic bundle and runs outside compartments (its globals are the host\'s)', async () => {
  const outDir = join(app.dir, 'dist-default');
  await buildInChild({
    bundler: 'rollup', appDir: app.dir, entry: 'src/main.js', outDir, hermetic: true,
    options: { policyOverride: { resources: { 'policy-cjs': { globals: { fetch: false } } } } },
  });
  const result = JSON.parse(await run(join(outDir, 'main.js'))) as Record<string, unknown>;
  expect(result).toEqual({ sum: 5, fetch: 'function', aliased: 'function', host: 'function' });
}, 180000);
