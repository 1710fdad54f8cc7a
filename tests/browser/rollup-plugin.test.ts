/**
 * @hermetic/rollup-plugin end to end: the React + react-dom + preact +
 * lodash-es app built by the real Rollup (node-resolve, commonjs), loaded in
 * Chromium under `script-src 'self'` (CONFORMANCE 49–52), as ES modules with
 * a dynamic import() chunk and as an IIFE.
 */
import { join } from 'node:path';
import { loadPage } from './support/load-page.js';
import { createReactApp, DENY_FETCH_OVERRIDE } from './support/react-app.js';
import { APP_READY, expectPolicyEnforced, expectReactAppWorks } from './support/react-app-expectations.js';
import { servedBuilds } from './support/served-builds.js';

const served = servedBuilds(
  () => createReactApp('rollup-react'),
  (app) => {
    const common = { bundler: 'rollup' as const, appDir: app.dir, entry: 'src/main.jsx', hermetic: true, options: { policyOverride: DENY_FETCH_OVERRIDE } };
    return [{ ...common, outDir: join(app.dir, 'dist') }, { ...common, outDir: join(app.dir, 'dist-iife'), format: 'iife' }];
  },
);

test('49: the ES bundle with its dynamic import() chunk runs under script-src self with zero violations and renders React, preact and lodash-es', async () => {
  expect(served.builds[0].files.map((f) => f.file).some((f) => f.startsWith('lazy'))).toBe(true);
  const report = await loadPage(served.browser, `${served.server.origin}/page.html`, { waitForSelector: APP_READY });
  expectReactAppWorks(report);
});

test('50/52: the package denied fetch cannot read it (typeof, direct read, alias) and its writes stay in its own global', async () => {
  const report = await loadPage(served.browser, `${served.server.origin}/page.html`, { waitForSelector: APP_READY });
  expectPolicyEnforced(report);
});

test('49: the IIFE bundle runs as a classic script under the same CSP', async () => {
  const report = await loadPage(served.browser, `${served.server.origin}/page-iife.html`, { waitForSelector: APP_READY });
  expectReactAppWorks(report);
  expectPolicyEnforced(report, 'iife');
});
