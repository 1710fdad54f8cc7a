/**
 * The browser tests a plugin that emits both ES-module and IIFE bundles
 * shares (esbuild, Rollup): the React test app built both ways with the
 * fixture override that denies `fetch`, then loaded in Chromium under
 * `script-src 'self'` (CONFORMANCE 49–52).
 */
import { join } from 'node:path';
import { loadPage } from './load-page.js';
import { createReactApp, DENY_FETCH_OVERRIDE } from './react-app.js';
import { APP_READY, expectPolicyEnforced, expectReactAppWorks } from './react-app-expectations.js';
import { servedBuilds } from './served-builds.js';
import type { BuiltFile } from './build-in-child.js';

/** How one plugin's suite differs. */
export interface EsmAndIifeSuite {
  bundler: 'esbuild' | 'rollup';
  /** Title of the ES-module test. */
  esmTitle: string;
  /** Asserts that the ES-module build split off its dynamic-import chunk, as this bundler names files. */
  expectChunks(files: BuiltFile[]): void;
}

/** Registers the suite's tests. */
export function esmAndIifeSuite({ bundler, esmTitle, expectChunks }: EsmAndIifeSuite): void {
  const served = servedBuilds(
    () => createReactApp(`${bundler}-react`),
    (app) => {
      const common = { bundler, appDir: app.dir, entry: 'src/main.jsx', hermetic: true, options: { policyOverride: DENY_FETCH_OVERRIDE } };
      return [{ ...common, outDir: join(app.dir, 'dist') }, { ...common, outDir: join(app.dir, 'dist-iife'), format: 'iife' as const }];
    },
  );

  test(esmTitle, async () => {
    expectChunks(served.builds[0].files);
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
}
