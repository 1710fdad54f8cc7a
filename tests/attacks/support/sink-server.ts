/**
 * The attack pages' server: static files under `Content-Security-Policy: script-src 'self'`, plus a sink
 * that records requests (`/__sink/<attack>`: a worker proving it is unconfined) and hands the list to
 * the page that asks (`/__sink-log`, which empties it).
 */
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { STRICT_CSP, type CspServer } from '../../browser/support/csp-server.js';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.map': 'application/json' };

/** Serves `rootDir` on 127.0.0.1 at a free port, with the sink. */
export async function serveWithSink(rootDir: string): Promise<CspServer> {
  const root = normalize(rootDir);
  let sink: string[] = [];
  const server = createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const headers = { 'Content-Security-Policy': STRICT_CSP, 'Cache-Control': 'no-store' };
    if (pathname.startsWith('/__sink/')) {
      sink.push(pathname.slice('/__sink/'.length));
      response.writeHead(204, headers).end();
      return;
    }
    if (pathname === '/__sink-log') {
      response.writeHead(200, { ...headers, 'Content-Type': 'application/json' }).end(JSON.stringify(sink));
      sink = [];
      return;
    }
    const file = normalize(join(root, pathname));
    if (!file.startsWith(root + sep)) {
      response.writeHead(403, headers).end();
      return;
    }
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      const body = await readFile(file);
      response.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file)] ?? 'text/javascript; charset=utf-8' }).end(body);
    } catch {
      response.writeHead(404, headers).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
