/**
 * The lifecycle every bundle-in-Chromium test shares: create an app, build
 * it (in child processes, with the real bundler), serve a directory under the
 * strict CSP and launch Chromium once for the file; tear all of it down after.
 */
import type { Browser } from 'playwright-core';
import type { FixtureApp } from '../../../test-fixtures/packages/fixture-app.js';
import { buildInChild, type BuildReport, type BuildSpec } from './build-in-child.js';
import { launchChromium } from './chromium.js';
import { serveWithStrictCsp, type CspServer } from './csp-server.js';

/** What the tests of one file use once `beforeAll` has run. */
export interface ServedBuilds {
  app: FixtureApp;
  browser: Browser;
  server: CspServer;
  /** The build reports, in the order of the specs. */
  builds: BuildReport[];
}

/**
 * Registers `beforeAll`/`afterAll` hooks; the returned object is filled in by
 * `beforeAll`. `builds(app)` gives the specs to build one after the other;
 * `serveDir(app)` the directory to serve (default: the app's own).
 */
export function servedBuilds(
  createApp: () => FixtureApp,
  builds: (app: FixtureApp) => BuildSpec[],
  serveDir: (app: FixtureApp) => string = (app) => app.dir,
): ServedBuilds {
  const served = { builds: [] as BuildReport[] } as ServedBuilds;
  beforeAll(async () => {
    served.app = createApp();
    for (const spec of builds(served.app)) served.builds.push(await buildInChild(spec));
    served.server = await serveWithStrictCsp(serveDir(served.app));
    served.browser = await launchChromium();
  }, 240000);
  afterAll(async () => {
    await served.browser?.close();
    await served.server?.close();
    served.app?.remove();
  });
  return served;
}
