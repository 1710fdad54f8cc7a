/**
 * The harness itself must be able to fail: under the same server, a page that
 * calls eval gets an EvalError and the browser reports exactly one violation
 * (CONFORMANCE 49 is meaningless if the CSP header were silently missing).
 */
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from './support/chromium.js';
import { serveWithStrictCsp, type CspServer } from './support/csp-server.js';
import { loadPage } from './support/load-page.js';

let browser: Browser;
let server: CspServer;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hermetic-csp-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><body><p id="out">waiting</p><script src="eval.js"></script></body>');
  writeFileSync(join(dir, 'plain.html'), '<!doctype html><body><p id="out">waiting</p><script src="plain.js"></script></body>');
  writeFileSync(
    join(dir, 'eval.js'),
    "try { eval('1'); document.getElementById('out').textContent = 'eval ran'; }\n" +
      "catch (error) { document.getElementById('out').textContent = 'caught ' + error.name; }\n",
  );
  writeFileSync(join(dir, 'plain.js'), "document.getElementById('out').textContent = 'plain ran';\n");
  server = await serveWithStrictCsp(dir);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('negative control (49): eval under script-src self throws EvalError and produces exactly one violation', async () => {
  const report = await loadPage(browser, `${server.origin}/index.html`, { expectViolations: 1 });
  expect(report.text).toBe('caught EvalError');
  expect(report.violations).toHaveLength(1);
  expect(report.violations[0]).toMatch(/^script-src/);
  expect(report.pageErrors).toEqual([]);
});

test('positive control (49): a same-origin script without eval runs with zero violations', async () => {
  const report = await loadPage(browser, `${server.origin}/plain.html`);
  expect(report.text).toBe('plain ran');
  expect(report.violations).toEqual([]);
  expect(report.pageErrors).toEqual([]);
  expect(report.consoleErrors).toEqual([]);
});
