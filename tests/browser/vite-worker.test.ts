/**
 * A package's worker (`new Worker(new URL('./worker.js', import.meta.url))`,
 * which Vite bundles in a build of its own) is confined like the package:
 * granted `Worker` but not `fetch`, the worker's code does not see the
 * worker realm's `fetch` (issue 9, class 4). Without the plugin it does.
 * Built by the real `vite build`, run in Chromium under `script-src 'self'`.
 */
import { join } from 'node:path';
import { loadPage } from './support/load-page.js';
import { servedBuilds } from './support/served-builds.js';
import { createFixtureApp } from '../../test-fixtures/packages/fixture-app.js';

// postMessage is the worker's own global function (its realm's), which the worker's code needs to answer.
const POLICY = { resources: { 'worker-pkg': { globals: { Worker: true, URL: true, postMessage: true } } } };

const served = servedBuilds(
  () => createFixtureApp({
    name: 'vite-worker',
    files: {
      'package.json': JSON.stringify({ name: 'vite-worker', private: true, type: 'module', dependencies: { 'worker-pkg': '*' } }),
      'index.html': '<!doctype html><body><pre id="out"></pre><script type="module" src="/src/main.js"></script></body>',
      'src/main.js': `import { ask } from 'worker-pkg';\nask().then((seen) => { document.getElementById('out').textContent = JSON.stringify(seen); });\n`,
      'node_modules/worker-pkg/package.json': JSON.stringify({ name: 'worker-pkg', version: '1.0.0', type: 'module', main: 'index.js' }),
      'node_modules/worker-pkg/index.js': [
        'export const ask = () => new Promise((resolve) => {',
        "  const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });",
        '  worker.onmessage = (event) => resolve(event.data);',
        "  worker.onerror = (event) => resolve({ error: String(event.message) });",
        '});',
        '',
      ].join('\n'),
      'node_modules/worker-pkg/worker.js': 'postMessage({ fetch: typeof fetch, selfFetch: typeof self.fetch, global: typeof globalThis.fetch });\n',
    },
  }),
  (app) => [
    { bundler: 'vite', appDir: app.dir, entry: 'index.html', outDir: join(app.dir, 'dist', 'confined'), hermetic: true, options: { policy: POLICY } },
    { bundler: 'vite', appDir: app.dir, entry: 'index.html', outDir: join(app.dir, 'dist', 'hardened'), hermetic: true, options: { policy: POLICY, hardened: true } },
    { bundler: 'vite', appDir: app.dir, entry: 'index.html', outDir: join(app.dir, 'dist', 'plain'), hermetic: false },
  ],
  (app) => join(app.dir, 'dist'),
);

test('the worker Vite bundles for a package runs confined: no fetch that the package was not granted', async () => {
  const report = await loadPage(served.browser, `${served.server.origin}/confined/index.html`, { waitForSelector: '#out:not(:empty)' });
  expect(report.violations).toEqual([]);
  expect(report.pageErrors).toEqual([]);
  expect(JSON.parse(report.text.trim())).toEqual({ fetch: 'undefined', selfFetch: 'undefined', global: 'undefined' });
  // The grant of Worker is reported once (by the app's build, not again by the worker's).
  expect(served.builds[0].warnings?.filter((warning) => warning.includes('is granted "Worker"'))).toHaveLength(1);
});

test('hardened: the worker locks down too and runs confined', async () => {
  const report = await loadPage(served.browser, `${served.server.origin}/hardened/index.html`, { waitForSelector: '#out:not(:empty)' });
  expect(report.violations).toEqual([]);
  expect(report.pageErrors).toEqual([]);
  expect(JSON.parse(report.text.trim())).toEqual({ fetch: 'undefined', selfFetch: 'undefined', global: 'undefined' });
});

test('control: without the plugin the worker holds the realm\'s fetch', async () => {
  const report = await loadPage(served.browser, `${served.server.origin}/plain/index.html`, { waitForSelector: '#out:not(:empty)' });
  expect(JSON.parse(report.text.trim())).toEqual({ fetch: 'function', selfFetch: 'function', global: 'function' });
});
