/**
 * The examples as users run them: examples/vite-react-app built by the real
 * `vite build` with its config (policy override included) and loaded in
 * Chromium under the strict CSP; examples/node-dsl run by Node.
 */
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from './support/chromium.js';
import { serveWithStrictCsp, type CspServer } from './support/csp-server.js';
import { loadPage } from './support/load-page.js';

const repo = resolve(__dirname, '..', '..');

function node(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, args, { cwd, timeout: 240000, maxBuffer: 1 << 24 }, (error, stdout, stderr) =>
      done({ code: error ? 1 : 0, stdout, stderr }));
  });
}

let browser: Browser | undefined;
let server: CspServer | undefined;
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('examples/vite-react-app: vite build, then the page renders under script-src self (49)', async () => {
  const app = join(repo, 'examples/vite-react-app');
  const build = await node([join(repo, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error'], app);
  expect(build.stderr).toBe('');
  expect(build.code).toBe(0);
  server = await serveWithStrictCsp(join(app, 'dist'));
  browser = await launchChromium();
  const report = await loadPage(browser, `${server.origin}/index.html`, { waitForSelector: 'button' });
  expect(report.violations).toEqual([]);
  expect(report.pageErrors).toEqual([]);
  expect(report.consoleErrors).toEqual([]);
  expect(report.text).toContain('Hermetic Vite React App');
  expect(report.text).toContain('lodash-es runs in its own compartment');
}, 240000);

test('examples/node-dsl: each rules file runs in a fresh Global without host access', async () => {
  const run = await node(['run-rules.mjs'], join(repo, 'examples/node-dsl'));
  expect(run.stderr).toBe('');
  expect(run.stdout).toBe([
    'loyalty.rules.js:',
    '  loyalty points: 24',
    '  sees the other file: "undefined"',
    '  reached the host: false; helperLeak here: undefined; on the host: undefined',
    'pricing.rules.js:',
    '  10% off orders over 100: 216',
    '  free shipping from 3 items: true',
    '  reached the host: false; helperLeak here: string; on the host: undefined',
    '',
  ].join('\n'));
});
