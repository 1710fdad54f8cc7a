/**
 * @hermetic/esbuild-plugin end to end: a React + react-dom + preact +
 * lodash-es app built by the real esbuild, loaded in Chromium under
 * `script-src 'self'` (CONFORMANCE 49–52), as ES modules with a dynamic
 * import() chunk and as an IIFE.
 */
import { join } from 'node:path';
import { loadPage } from './support/load-page.js';
import { createReactApp, DENY_FETCH_OVERRIDE } from './support/react-app.js';
import { APP_READY, expectPolicyEnforced, expectReactAppWorks } from './support/react-app-expectations.js';
import { servedBuilds } from './support/served-builds.js';

const served = servedBuilds(
  () => createReactApp('esbuild-react'),
  (app) => {
    const common = { bundler: 'esbuild' as const, appDir: app.dir, entry: 'src/main.jsx', hermetic: true, options: { policyOverride: DENY_FETCH_OVERRIDE } };
    return [{ ...common, outDir: join(app.dir, 'dist') }, { ...common, outDir: join(app.dir, 'dist-iife'), format: 'iife' }];
  },
);

test('49: the ESM bundle (code-split, dynamic import chunk) runs under script-src self with zero violations and renders React, preact and lodash-es', async () => {
  expect(served.builds[0].files.filter((f) => f.file.endsWith('.js')).length).toBeGreaterThanOrEqual(2);
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
