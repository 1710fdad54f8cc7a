#!/usr/bin/env node
// Bundle benchmark (issue 4): the same React app built by the same bundler
// with and without the Hermetic plugin, in one run. Reports, per bundler,
// gzip size, page load to first render in Chromium (under the strict CSP),
// and build time, with the ratios against the targets (≤1.05×, ≤1.15×, ≤2×).
//
//   node bench/bundle.mjs [--bundlers esbuild,rollup,vite] [--loads 11] [--builds 2]
//
// Build time: the plain build's best of --builds runs against the Hermetic
// build's first run with an empty compile cache (cold) and its best later run
// (warm: the compile cache in use, as a developer's rebuilds have it); first
// render is the median of --loads page loads, alternating between the two
// builds.
//
// Builds run in child processes (tests/browser/support/run-build.mjs), the
// page loads in the system Chromium (apt-get install chromium).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const bundlers = option('bundlers', 'esbuild,rollup,vite').split(',');
const loads = Number(option('loads', '11'));
const builds = Number(option('builds', '2'));

// The app: React + react-dom, a handful of app modules (components, a store, utilities).
const appDir = join(repo, 'bench', '.out', 'react-app');
rmSync(appDir, { recursive: true, force: true });
mkdirSync(join(appDir, 'src'), { recursive: true });
const files = {
  'package.json': JSON.stringify({ name: 'bench-react-app', private: true, type: 'module', dependencies: { react: '*', 'react-dom': '*' } }),
  'src/store.js': `export function createStore(initial) {
  let state = initial; const listeners = new Set();
  return { get: () => state, set(next) { state = next; listeners.forEach((l) => l()); }, subscribe(l) { listeners.add(l); return () => listeners.delete(l); } };
}
export const store = createStore({ items: Array.from({ length: 200 }, (_, i) => ({ id: i, label: 'Item ' + i, done: i % 3 === 0 })) });`,
  'src/format.js': `export const pad = (n) => String(n).padStart(3, '0');\nexport const title = (s) => s.replace(/(^|\\s)\\w/g, (c) => c.toUpperCase());`,
  'src/Item.jsx': `import { pad } from './format.js';\nexport function Item({ item }) { return <li className={item.done ? 'done' : ''}>{pad(item.id)} {item.label}</li>; }`,
  'src/List.jsx': `import { useSyncExternalStore } from 'react';\nimport { store } from './store.js';\nimport { Item } from './Item.jsx';\nexport function List() { const { items } = useSyncExternalStore(store.subscribe, store.get); return <ul>{items.map((item) => <Item key={item.id} item={item} />)}</ul>; }`,
  'src/App.jsx': `import { useEffect, useState } from 'react';\nimport { List } from './List.jsx';\nimport { title } from './format.js';\nexport function App() {\n  const [ready, setReady] = useState(false);\n  useEffect(() => { setReady(true); window.__renderedAt = performance.now(); }, []);\n  return <main><h1>{title('hermetic bench app')}</h1>{ready && <p id="ready">ready</p>}<List /></main>;\n}`,
  'src/main.jsx': `import { createRoot } from 'react-dom/client';\nimport { App } from './App.jsx';\ncreateRoot(document.getElementById('root')).render(<App />);`,
  'index.html': '<!doctype html><html><head><meta charset="utf-8"></head><body><div id="root"></div><script type="module" src="/src/main.jsx"></script></body></html>',
};
for (const [file, text] of Object.entries(files)) writeFileSync(join(appDir, file), text);

const cacheDir = join(appDir, 'compile-cache');

function build(bundler, hermetic) {
  const outDir = join(appDir, `dist-${bundler}-${hermetic ? 'hermetic' : 'plain'}`);
  const spec = { bundler, appDir, entry: bundler === 'vite' ? 'index.html' : 'src/main.jsx', outDir, hermetic, minify: true, options: { cacheDir } };
  const out = execFileSync(process.execPath, [join(repo, 'tests/browser/support/run-build.mjs'), JSON.stringify(spec)], { cwd: appDir, encoding: 'utf8', maxBuffer: 1 << 26 });
  const report = JSON.parse(out.trim().split('\n').pop());
  if (bundler !== 'vite') {
    writeFileSync(join(outDir, 'index.html'), '<!doctype html><html><head><meta charset="utf-8"></head><body><div id="root"></div><script type="module" src="./main.js"></script></body></html>');
  }
  return report;
}

const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };
const server = createServer((req, res) => {
  const file = normalize(join(appDir, decodeURIComponent(new URL(req.url, 'http://x').pathname)));
  try {
    const body = readFileSync(file.endsWith('/') ? join(file, 'index.html') : file);
    res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream', 'Content-Security-Policy': "script-src 'self'", 'Cache-Control': 'no-store' });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });

async function firstRender(path) {
  const context = await browser.newContext();
  const page = await context.newPage();
  let violations = 0;
  page.on('console', () => undefined);
  await page.addInitScript(() => document.addEventListener('securitypolicyviolation', () => { window.__violations = (window.__violations ?? 0) + 1; }));
  await page.goto(`${origin}/${path}/index.html`);
  await page.waitForSelector('#ready', { timeout: 20000 });
  const t = await page.evaluate(() => window.__renderedAt);
  violations = await page.evaluate(() => window.__violations ?? 0);
  await context.close();
  if (violations !== 0) throw new Error(`${path}: ${violations} CSP violations`);
  return t;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const jsGzip = (report) => report.files.filter((f) => f.file.endsWith('.js')).reduce((sum, f) => sum + f.gzip, 0);
const rows = [];
for (const bundler of bundlers) {
  const results = {};
  for (const hermetic of [false, true]) {
    const times = [];
    let report;
    if (hermetic) rmSync(cacheDir, { recursive: true, force: true });
    for (let i = 0; i < Math.max(builds, hermetic ? 2 : 1); i++) {
      report = build(bundler, hermetic);
      times.push(report.ms);
    }
    results[hermetic ? 'hermetic' : 'plain'] = {
      gzip: jsGzip(report), buildMs: Math.min(...times), coldMs: times[0], warmMs: Math.min(...times.slice(1)), renders: [],
    };
  }
  // Page loads alternate between the two builds so that load on the machine hits both alike.
  await firstRender(`dist-${bundler}-plain`);
  await firstRender(`dist-${bundler}-hermetic`);
  for (let i = 0; i < loads; i++) {
    results.plain.renders.push(await firstRender(`dist-${bundler}-plain`));
    results.hermetic.renders.push(await firstRender(`dist-${bundler}-hermetic`));
  }
  const { plain, hermetic } = results;
  plain.renderMs = median(plain.renders);
  hermetic.renderMs = median(hermetic.renders);
  rows.push({
    bundler,
    gzip: `${plain.gzip} → ${hermetic.gzip} B`,
    gzipRatio: +(hermetic.gzip / plain.gzip).toFixed(3),
    render: `${plain.renderMs.toFixed(1)} → ${hermetic.renderMs.toFixed(1)} ms`,
    renderRatio: +(hermetic.renderMs / plain.renderMs).toFixed(3),
    build: `${plain.buildMs.toFixed(0)} → cold ${hermetic.coldMs.toFixed(0)}, warm ${hermetic.warmMs.toFixed(0)} ms`,
    coldBuildRatio: +(hermetic.coldMs / plain.buildMs).toFixed(3),
    warmBuildRatio: +(hermetic.warmMs / plain.buildMs).toFixed(3),
  });
}
await browser.close();
server.close();

console.log('Hermetic bundle benchmark: React app, same bundler with vs without the plugin (targets: gzip ≤1.05×, first render ≤1.15×, build ≤2×)');
console.table(rows);
for (const row of rows) {
  const verdict = (ratio, target) => (ratio <= target ? 'ok' : 'OVER');
  console.log(`${row.bundler}: gzip ${row.gzipRatio}× (${verdict(row.gzipRatio, 1.05)}), first render ${row.renderRatio}× (${verdict(row.renderRatio, 1.15)}), ` +
    `build cold ${row.coldBuildRatio}× (${verdict(row.coldBuildRatio, 2)}), warm ${row.warmBuildRatio}× (${verdict(row.warmBuildRatio, 2)})`);
}
