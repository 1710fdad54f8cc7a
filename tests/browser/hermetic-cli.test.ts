/**
 * The `hermetic` command on examples/esbuild-app: `build` (then the page in
 * Chromium under the strict CSP), `run` in Node, `policy`, a denied import at
 * start-up, and usage errors.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from './support/chromium.js';
import { serveWithStrictCsp, type CspServer } from './support/csp-server.js';
import { loadPage } from './support/load-page.js';

const repo = resolve(__dirname, '..', '..');
const cli = join(repo, 'packages/hermetic/dist/cli.js');
const app = join(repo, 'examples/esbuild-app');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function hermetic(...args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, [cli, ...args], { cwd: repo, timeout: 180000, maxBuffer: 1 << 24 }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

let browser: Browser;
let server: CspServer;
let tmp: string;
let built: Run;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'hermetic-cli-'));
  built = await hermetic('build', 'examples/esbuild-app/src/main.js', '--outdir', 'examples/esbuild-app/dist');
  server = await serveWithStrictCsp(app);
  browser = await launchChromium();
}, 240000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(tmp, { recursive: true, force: true });
});

test('hermetic build: exit 0, reports the bundle; the page runs under script-src self (49, 50)', async () => {
  expect(built.stderr).toBe('');
  expect(built.code).toBe(0);
  expect(built.stdout).toMatch(/hermetic: built examples\/esbuild-app\/src\/main\.js in \d+ ms/);
  expect(built.stdout).toMatch(/examples\/esbuild-app\/dist\/main\.js/);
  const report = await loadPage(browser, `${server.origin}/index.html`, { waitForSelector: '#result' });
  expect(report.violations).toEqual([]);
  expect(report.pageErrors).toEqual([]);
  expect(report.consoleErrors).toEqual([]);
  expect(report.text).toContain('[lodash-es] camelCase("one compartment per package") = oneCompartmentPerPackage');
  expect(report.text).toContain('[tracker] typeof fetch = undefined, typeof process = undefined, own frozen global = true');
  expect(report.text).toContain('[$root$] typeof fetch = function');
});

test('hermetic run: the same program in Node, each package in its compartment', async () => {
  const run = await hermetic('run', 'examples/esbuild-app/src/main.js');
  expect(run.code).toBe(0);
  expect(run.stdout).toContain('Hermetic esbuild-app');
  expect(run.stdout).toContain('[tracker] typeof fetch = undefined, typeof process = undefined, own frozen global = true');
  expect(run.stdout).toContain('[$root$] typeof fetch = function');
});

test('hermetic policy --stdout prints the generated policy, sorted, LavaMoat-shaped', async () => {
  const run = await hermetic('policy', 'examples/esbuild-app/src/main.js', '--stdout');
  expect(run.code).toBe(0);
  const policy = JSON.parse(run.stdout) as { resources: Record<string, { globals?: Record<string, unknown> }> };
  expect(Object.keys(policy.resources)).toEqual(['lodash-es', 'tracker']);
  expect(policy.resources.tracker).toEqual({});
  expect(Object.keys(policy.resources['lodash-es'].globals ?? {})).toEqual([...Object.keys(policy.resources['lodash-es'].globals ?? {})].sort());
  const out = join(tmp, 'policy.json');
  const written = await hermetic('policy', 'examples/esbuild-app/src/main.js', '--out', out);
  expect(written.code).toBe(0);
  expect(written.stdout).toContain('wrote');
});

test('51: a denied import stops hermetic run at start-up, naming both packages and the entry to add', async () => {
  const override = join(tmp, 'override.json');
  writeFileSync(override, JSON.stringify({
    resources: { $root$: { globals: { console: true, document: true, fetch: true }, packages: { 'lodash-es': false, 'tracker': true } } },
  }));
  const run = await hermetic('run', 'examples/esbuild-app/src/main.js', '--policy-override', override);
  expect(run.code).not.toBe(0);
  expect(run.stdout).not.toContain('Hermetic esbuild-app');
  expect(run.stderr).toContain('Package "$root$" may not import package "lodash-es"');
  expect(run.stderr).toContain('{"resources":{"$root$":{"packages":{"lodash-es":true}}}}');
});

test('usage errors name the problem and list the valid options', async () => {
  const unknown = await hermetic('build', 'examples/esbuild-app/src/main.js', '--frobnicate');
  expect(unknown.code).toBe(1);
  expect(unknown.stderr).toContain('Unknown option --frobnicate. Valid options: --outdir');
  const missing = await hermetic('build');
  expect(missing.code).toBe(1);
  expect(missing.stderr).toContain('Missing <entry>');
  const command = await hermetic('bundle');
  expect(command.code).toBe(1);
  expect(command.stderr).toContain("unknown command 'bundle'");
});
