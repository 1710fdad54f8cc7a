/**
 * @hermetic/vite-plugin in Vite's dev server (real Vite 8, its own process),
 * loaded in Chromium under `script-src 'self'`: ES-module packages that are
 * not pre-bundled are served compiled in place and confined by the policy
 * file (the bootstrap carries it, as there is no output to append it to), a
 * denied import fails, and without a policy file the server says that it
 * serves every package unconfined.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from './support/chromium.js';
import { loadPage } from './support/load-page.js';
import { createFixtureApp, type FixtureApp } from '../../test-fixtures/packages/fixture-app.js';

const MAIN = `
import { typeofFetch, readFetchDirectly } from 'policy-denied';
import { camelCase } from 'lodash-es';
const out = document.getElementById('out');
let denied;
try { denied = { ok: true, value: typeof readFetchDirectly() }; } catch (error) { denied = { ok: false, name: error.name, message: error.message }; }
out.textContent = JSON.stringify({ typeofFetch: typeofFetch(), denied, camel: camelCase('served in dev'), rootFetch: typeof fetch });
`;

const POLICY = { resources: { 'policy-denied': {}, 'lodash-es': {}, 'policy-importer': {}, 'policy-greeter': { globals: { console: true } } } };

interface DevServer {
  url: string;
  warnings: string[];
  /** Kills the server; resolves once it has exited (it may still write its cache until then). */
  stop(): Promise<void>;
}

function startDevServer(appDir: string, exclude: string[]): Promise<DevServer> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, [join(__dirname, 'support', 'vite-dev-server.mjs'), JSON.stringify({ appDir, exclude })], { cwd: appDir });
    let stdout = '';
    let stderr = '';
    child.stderr!.on('data', (chunk) => { stderr += chunk; });
    child.stdout!.on('data', (chunk) => {
      stdout += chunk;
      const line = stdout.split('\n').find((l) => l.startsWith('{'));
      if (line === undefined) return;
      const { url, warnings } = JSON.parse(line) as { url: string; warnings: string[] };
      const exited = new Promise<void>((done) => child.once('exit', () => done()));
      resolve({ url, warnings, stop: () => (child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : (child.kill(), exited)) });
    });
    child.on('exit', (code) => reject(new Error(`the dev server exited (${code}):\n${stderr}`)));
  });
}

let browser: Browser;
const apps: FixtureApp[] = [];
const servers: DevServer[] = [];
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  apps.forEach((app) => app.remove());
  await browser.close();
});

function app(name: string, withPolicy: boolean, main = MAIN): FixtureApp {
  const files: Record<string, string> = {
    'index.html': '<!doctype html><html><body><pre id="out"></pre><script type="module" src="/src/main.js"></script></body></html>',
    'src/main.js': main,
  };
  if (withPolicy) files['hermetic/policy.json'] = JSON.stringify(POLICY);
  const created = createFixtureApp({ name, files, fixturePackages: ['policy-denied', 'policy-importer', 'policy-greeter'], dependencies: ['lodash-es'] });
  apps.push(created);
  return created;
}

test('49/50: with a policy file, the dev server confines the ES-module packages it serves unbundled', async () => {
  const server = await startDevServer(app('vite-dev', true).dir, ['policy-denied', 'lodash-es']);
  servers.push(server);
  const report = await loadPage(browser, `${server.url}/`, { waitForSelector: '#out:not(:empty)', timeoutMs: 60000 });
  expect(report.violations).toEqual([]);
  expect(report.pageErrors).toEqual([]);
  const result = JSON.parse(report.text.trim()) as Record<string, unknown>;
  expect(result.typeofFetch).toBe('undefined');
  expect(result.denied).toMatchObject({ ok: false, name: 'ReferenceError' });
  expect((result.denied as { message: string }).message).toContain('fetch is not defined in package "policy-denied"');
  expect(result.camel).toBe('servedInDev');
  expect(result.rootFetch).toBe('function');
}, 120000);

test('without a policy file the dev server serves packages unconfined and says so', async () => {
  const server = await startDevServer(app('vite-dev-open', false).dir, ['policy-denied', 'lodash-es']);
  servers.push(server);
  expect(server.warnings.some((w) => w.includes('serves every package unconfined'))).toBe(true);
  const report = await loadPage(browser, `${server.url}/`, { waitForSelector: '#out:not(:empty)', timeoutMs: 60000 });
  expect(report.pageErrors).toEqual([]);
  expect(JSON.parse(report.text.trim())).toMatchObject({ typeofFetch: 'function', denied: { ok: true, value: 'function' } });
}, 120000);

test('51: an import the policy file does not grant fails before the imported package runs', async () => {
  const main = `import { hello } from 'policy-importer'; document.getElementById('out').textContent = hello();`;
  const server = await startDevServer(app('vite-dev-denied', true, main).dir, ['policy-importer', 'policy-greeter']);
  servers.push(server);
  // Nothing renders: wait a while for the module graph to fail, then report.
  const report = await loadPage(browser, `${server.url}/`, { waitForSelector: '#out:not(:empty)', timeoutMs: 5000 });
  expect(report.text.trim()).toBe('');
  expect(report.consoleMessages.some((m) => m.includes('policy-greeter greets'))).toBe(false);
  expect(report.pageErrors.join('\n')).toMatch(/Package "policy-importer" may not import package "policy-greeter"/);
}, 120000);
