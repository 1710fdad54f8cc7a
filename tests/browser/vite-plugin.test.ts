/**
 * @hermetic/vite-plugin end to end: the React + react-dom + preact +
 * lodash-es app built by the real `vite build` (Vite 8, Rolldown, with
 * @vitejs/plugin-react), loaded in Chromium under `script-src 'self'`
 * (CONFORMANCE 49–52).
 */
import { join } from 'node:path';
import { loadPage } from './support/load-page.js';
import { createReactApp, DENY_FETCH_OVERRIDE } from './support/react-app.js';
import { APP_READY, expectPolicyEnforced, expectReactAppWorks } from './support/react-app-expectations.js';
import { servedBuilds } from './support/served-builds.js';

const served = servedBuilds(
  () => createReactApp('vite-react'),
  (app) => [{
    bundler: 'vite', appDir: app.dir, entry: 'index.html', outDir: join(app.dir, 'dist'),
    hermetic: true, options: { policyOverride: DENY_FETCH_OVERRIDE },
  }],
  (app) => join(app.dir, 'dist'),
);

test('49: vite build output (with its lazy chunk) runs under script-src self with zero violations and renders React, preact and lodash-es', async () => {
  expect(served.builds[0].files.map((f) => f.file).some((f) => /lazy-.*\.js$/.test(f))).toBe(true);
  const report = await loadPage(served.browser, `${served.server.origin}/index.html`, { waitForSelector: APP_READY });
  expectReactAppWorks(report);
});

test('50/52: the package denied fetch cannot read it (typeof, direct read, alias) and its writes stay in its own global', async () => {
  const report = await loadPage(served.browser, `${served.server.origin}/index.html`, { waitForSelector: APP_READY });
  expectPolicyEnforced(report);
});
