/**
 * @hermetic/rollup-plugin end to end: the React + react-dom + preact +
 * lodash-es app built by the real Rollup (node-resolve, commonjs), loaded in
 * Chromium under `script-src 'self'` (CONFORMANCE 49–52), as ES modules with
 * a dynamic import() chunk and as an IIFE.
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
let esm: BuildReport;

beforeAll(async () => {
  app = createReactApp('rollup-react');
  const common = { bundler: 'rollup' as const, appDir: app.dir, entry: 'src/main.jsx', hermetic: true, options: { policyOverride: DENY_FETCH_OVERRIDE } };
  esm = await buildInChild({ ...common, outDir: join(app.dir, 'dist') });
  await buildInChild({ ...common, outDir: join(app.dir, 'dist-iife'), format: 'iife' });
  server = await serveWithStrictCsp(app.dir);
  browser = await launchChromium();
}, 240000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  app?.remove();
});

test('49: the ES bundle with its dynamic import() chunk runs under script-src self with zero violations and renders React, preact and lodash-es', async () => {
  expect(esm.files.map((f) => f.file).some((f) => f.startsWith('lazy'))).toBe(true);
  const report = await loadPage(browser, `${server.origin}/page.html`, { waitForSelector: APP_READY });
  expectReactAppWorks(report);
});

test('50/52: the package denied fetch cannot read it (typeof, direct read, alias) and its writes stay in its own global', async () => {
  const report = await loadPage(browser, `${server.origin}/page.html`, { waitForSelector: APP_READY });
  expectPolicyEnforced(report);
});

test('49: the IIFE bundle runs as a classic script under the same CSP', async () => {
  const report = await loadPage(browser, `${server.origin}/page-iife.html`, { waitForSelector: APP_READY });
  expectReactAppWorks(report);
  expectPolicyEnforced(report);
});
