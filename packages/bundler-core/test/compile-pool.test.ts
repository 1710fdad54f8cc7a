/**
 * The compile pool, on the built package in a child process (worker threads
 * run the built worker script): results equal the same jobs compiled in this
 * thread, jobs spread over the workers, errors come back with their type and
 * location, and the process exits once the work is done (idle workers do not
 * hold it open).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runCompileJob, type CompileJob } from '../src/compile-job.js';
import { scopeModuleId, scopeModuleSource } from '../src/bootstrap-source.js';

const dist = resolve(__dirname, '..', 'dist', 'compile-pool.js');

const jobs: CompileJob[] = [
  { id: 'a.js', code: 'export const x = window.y; export function f() { return typeof fetch; }', sourceMap: true, preserve: [], directCalls: [], prelude: { kind: 'esm', packageName: 'p' } },
  { id: 'b.cjs', code: 'module.exports = this === exports && typeof document;', sourceMap: false, preserve: [], directCalls: ['Error'], prelude: { kind: 'cjs', packageName: 'q>r' } },
  { id: 'c.js', code: 'import x from "x"; export default x + Math.max(1, 2);', sourceMap: false, preserve: ['process.env.NODE_ENV'], directCalls: ['Math'], prelude: { kind: 'esm', packageName: 'p' } },
  { id: 'd.js', code: 'export const = 1;', sourceMap: false, preserve: [], directCalls: [], prelude: { kind: 'esm', packageName: 'p' } },
];

test('jobs compiled by two workers equal the same jobs compiled in this thread; a syntax error keeps its type and location', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hermetic-pool-'));
  try {
    const script = join(dir, 'run.mjs');
    writeFileSync(script, `
      import { CompilePool } from ${JSON.stringify(pathToFileURL(dist).href)};
      const pool = new CompilePool(2);
      const settled = await Promise.allSettled(${JSON.stringify(jobs)}.map((job) => pool.run(job)));
      console.log(JSON.stringify(settled.map((s) => s.status === 'fulfilled' ? { code: s.value.code, globals: s.value.globals, map: s.value.map?.mappings } : { name: s.reason.name, message: s.reason.message.split('\\n')[0] })));
    `);
    const stdout = await new Promise<string>((done, fail) => {
      execFile(process.execPath, [script], { timeout: 60000 }, (error, out, err) => (error ? fail(new Error(`${error.message}\n${err}`)) : done(out)));
    });
    const fromWorkers = JSON.parse(stdout) as Array<Record<string, unknown>>;
    const inline = await Promise.allSettled(jobs.map((job) => runCompileJob(job)));
    expect(fromWorkers).toHaveLength(4);
    for (const [index, outcome] of inline.entries()) {
      if (outcome.status === 'fulfilled') {
        expect(fromWorkers[index]).toEqual({ code: outcome.value.code, globals: outcome.value.globals, map: outcome.value.map?.mappings });
      } else {
        expect(fromWorkers[index]).toEqual({ name: 'SyntaxError', message: (outcome.reason as Error).message.split('\n')[0] });
      }
    }
    expect(fromWorkers[3]).toEqual({ name: 'SyntaxError', message: 'Unexpected token (d.js:1:14)' });
    expect(fromWorkers[0].code).toBe(`import { g as $hg, y as $hy } from "${scopeModuleId('p')}";export const x = $hg.window.y; export function f() { return $hy("fetch"); }`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60000);

test('a scope module id is URL-safe and names its package', () => {
  const id = scopeModuleId('@scope/pkg>dep');
  expect(id).toMatch(/^hermetic:scope:[A-Za-z0-9_-]+$/);
  expect(scopeModuleSource(id)).toContain('scopeOf("@scope/pkg>dep", true)');
  // A dev server's `?import` query is not part of the payload.
  expect(scopeModuleSource(`${id}?import`)).toBe(scopeModuleSource(id));
});

test('an empty or absent compile cache starts a worker loading the compiler at build start; a cache with entries does not; neither holds the process open', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hermetic-pool-'));
  try {
    const cacheModule = pathToFileURL(resolve(__dirname, '..', 'dist', 'compile-cache.js')).href;
    const script = join(dir, 'run.mjs');
    writeFileSync(join(dir, 'package.json'), '{"name":"app"}');
    writeFileSync(script, `
      import { mkdirSync, writeFileSync } from 'node:fs';
      import { CompileCache } from ${JSON.stringify(cacheModule)};
      const workers = (cache) => cache.pool?.workers.length ?? 0;
      const empty = new CompileCache(${JSON.stringify(join(dir, 'empty'))}, ${JSON.stringify(dir)});
      empty.warmUpIfCold();
      const none = new CompileCache(undefined, ${JSON.stringify(dir)});
      none.warmUpIfCold();
      mkdirSync(${JSON.stringify(join(dir, 'warm'))}, { recursive: true });
      writeFileSync(${JSON.stringify(join(dir, 'warm', 'entry.json'))}, '{}');
      const warm = new CompileCache(${JSON.stringify(join(dir, 'warm'))}, ${JSON.stringify(dir)});
      warm.warmUpIfCold();
      const counts = [workers(empty), workers(none), workers(warm)];
      // The warmed worker then compiles as usual.
      const compiled = await empty.compileModule('a.js', 'export const a = Math.max(1, 2);', false, [], ['Math'], 'p');
      console.log(JSON.stringify({ counts, after: workers(empty), code: compiled.code, usage: compiled.usage }));
    `);
    const stdout = await new Promise<string>((done, fail) => {
      execFile(process.execPath, [script], { timeout: 30000 }, (error, out, err) => (error ? fail(new Error(`${error.message}\n${err}`)) : done(out)));
    });
    const out = JSON.parse(stdout) as { counts: number[]; after: number; code: string; usage: { globals: string[]; writes: string[] } };
    expect(out.counts).toEqual([1, 1, 0]);
    expect(out.after).toBe(1);
    expect(out.code).toContain('$hg.Math.max(1, 2)');
    expect(out.usage).toEqual({ globals: ['Math'], writes: [] });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60000);
