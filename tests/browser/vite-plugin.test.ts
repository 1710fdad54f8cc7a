/**
 * @hermetic/vite-plugin end to end: the React + react-dom + preact +
 * lodash-es app built by the real `vite build` (Vite 8, Rolldown, with
 * @vitejs/plugin-react), loaded in Chromium under `script-src 'self'`
 * (CONFORMANCE 49–52).
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from './support/chromium.js';
import { serveWithStrictCsp, type CspServer } from './support/csp-server.js';
import { loadPage } from './support/load-page.js';
import { buildInChild, type BuildReport } from './support/build-in-child.js';
import { createReactApp, DENY_FETCH_OVERRIDE } from './support/react-app.js';
import { APP_READY, expectPolicyEnforced, expectReactAppWorks } from './support/react-app-expectations.js';
import type { FixtureApp } from '../../test-fixtures/packages/fixture-app.js';

let app: FixtureApp;
let browser: Browser;
let server: CspServer;
let build: BuildReport;

beforeAll(async () => {
  app = createReactApp('vite-react');
  build = await buildInChild({
    bundler: 'vite', appDir: app.dir, entry: 'index.html', outDir: join(app.dir, 'dist'),
    hermetic: true, options: { policyOverride: DENY_FETCH_OVERRIDE },
  });
  server = await serveWithStrictCsp(join(app.dir, 'dist'));
  browser = await launchChromium();
}, 240000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  app?.remove();
});

test('49: vite build output (with its lazy chunk) runs under script-src self with zero violations and renders React, preact and lodash-es', async () => {
  expect(build.files.map((f) => f.file).some((f) => /lazy-.*\.js$/.test(f))).toBe(true);
  const report = await loadPage(browser, `${server.origin}/index.html`, { waitForSelector: APP_READY });
  expectReactAppWorks(report);
});

test('50/52: the package denied fetch cannot read it (typeof, direct read, alias) and its writes stay in its own global', async () => {
  const report = await loadPage(browser, `${server.origin}/index.html`, { waitForSelector: APP_READY });
  expectPolicyEnforced(report);
});
