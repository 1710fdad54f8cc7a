/**
 * CommonJS packages under Rollup (real Rollup, child process): they go
 * through @rollup/plugin-commonjs, which keeps wrapping and linking them, but
 * their bodies run against their own compartment's global (CONFORMANCE 50):
 * a denied global is absent, `globalThis` and a sloppy function's `this` are
 * the package's global, and undeclared writes do not reach the host.
 */
import { join } from 'node:path';
import { createFixtureApp, type FixtureApp } from '../../../test-fixtures/packages/fixture-app.js';
import { COMMONJS_PROBE_MAIN, expectProbeConfinedWhenBuilt } from '../../../tests/browser/support/commonjs-probe.js';

let app: FixtureApp;
beforeAll(() => {
  app = createFixtureApp({ name: 'rollup-cjs', fixturePackages: ['policy-cjs'], files: { 'src/main.js': COMMONJS_PROBE_MAIN } });
});
afterAll(() => app.remove());

test('50: a CommonJS package denied fetch cannot read it, and its sloppy this and undeclared writes stay in its own global', async () => {
  await expectProbeConfinedWhenBuilt('rollup', app.dir, join(app.dir, 'dist-default'));
}, 180000);
