// Manual debugging aid: node tests/browser/support/debug-page.mjs <dir> <page> — serves <dir> under the
// strict CSP and prints console messages, page errors and the body text.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, extname } from 'node:path';
import { chromium } from 'playwright-core';
const [dir, pageName = 'index.html'] = process.argv.slice(2);
const server = createServer(async (req, res) => {
  try {
    const body = await readFile(join(dir, new URL(req.url, 'http://x').pathname));
    res.writeHead(200, { 'Content-Type': extname(req.url) === '.html' ? 'text/html; charset=utf-8' : 'text/javascript; charset=utf-8', 'Content-Security-Policy': "script-src 'self'" });
    res.end(body);
  } catch { res.writeHead(404).end(); }
}).listen(0, '127.0.0.1');
await new Promise((r) => server.on('listening', r));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
page.on('console', (m) => console.log('console.' + m.type(), m.text()));
page.on('pageerror', (e) => console.log('pageerror', e.stack ?? e.message));
await page.goto(`http://127.0.0.1:${server.address().port}/${pageName}`);
await page.waitForTimeout(2500); console.log("APP", await page.evaluate(async () => { const app = globalThis[Symbol.for("hermetic.app")]; if (!app) return "no app"; try { await app.whenIdle(); return "idle ok"; } catch (e) { return String(e.stack) } }));
console.log('TEXT:', await page.evaluate(() => document.body.innerText));
await browser.close();
server.close();
