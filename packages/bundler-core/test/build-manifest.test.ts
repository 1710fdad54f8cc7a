/**
 * Read-ahead of what the last build compiled (build-manifest.ts): a build
 * that ends writes the list; the next build's start reads those cache
 * entries and module files ahead, and the compile cache answers from them.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompileCache } from '../src/compile-cache.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hermetic-manifest-'));
  writeFileSync(join(dir, 'package.json'), '{"name":"app"}');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 200));

test('the next build answers from the cache entry it read ahead, and reads module files ahead', async () => {
  const cacheDir = join(dir, 'cache');
  const file = join(dir, 'a.js');
  const code = 'export const a = Math.max(1, 2) + typeof fetch;';
  writeFileSync(file, code);
  const first = new CompileCache(cacheDir, dir);
  first.prefetch(true);
  const compiled = await first.compileModule(file, await first.readText(file), false, [], ['Math'], 'p');
  first.buildEnded();
  const manifests = readdirSync(join(cacheDir, 'builds'));
  expect(manifests).toHaveLength(1);
  const [[id, key]] = JSON.parse(readFileSync(join(cacheDir, 'builds', manifests[0]), 'utf8')) as Array<[string, string]>;
  expect(id).toBe(file);

  const second = new CompileCache(cacheDir, dir);
  second.prefetch(true);
  await settle();
  // Changed on disk after the read-ahead: the build sees what was read at its start.
  writeFileSync(join(cacheDir, `${key}.json`), JSON.stringify({ ...compiled, code: 'changed on disk' }));
  writeFileSync(file, 'changed too');
  expect(await second.readText(file)).toBe(code);
  expect((await second.compileModule(file, code, false, [], ['Math'], 'p')).code).toBe(compiled.code);
  // Each read-ahead is used once: the next read goes to the disk.
  expect(await second.readText(file)).toBe('changed too');
  expect((await second.compileModule(file, code, false, [], ['Math'], 'p')).code).toBe('changed on disk');
});

test('a module the last build compiled that is gone, or changed, is read from disk and compiled as usual', async () => {
  const cacheDir = join(dir, 'cache');
  const gone = join(dir, 'gone.js');
  const changing = join(dir, 'changing.js');
  writeFileSync(gone, 'export const g = 1;');
  writeFileSync(changing, 'export const c = 1;');
  const first = new CompileCache(cacheDir, dir);
  for (const file of [gone, changing]) await first.compileModule(file, await first.readText(file), false, [], [], 'p');
  first.buildEnded();
  rmSync(gone);
  writeFileSync(changing, 'export const c = Math.PI;');
  const second = new CompileCache(cacheDir, dir);
  second.prefetch(true);
  await expect(second.readText(gone)).rejects.toThrow(/ENOENT/);
  const text = await second.readText(changing);
  expect((await second.compileModule(changing, text, false, [], [], 'p')).code).toContain('$hg.Math.PI');
  second.buildEnded();
  // The list now holds what this build compiled.
  const [manifest] = readdirSync(join(cacheDir, 'builds'));
  expect((JSON.parse(readFileSync(join(cacheDir, 'builds', manifest), 'utf8')) as Array<[string, string]>).map(([id]) => id)).toEqual([changing]);
});

test('without a cache directory nothing is listed or read ahead', async () => {
  const file = join(dir, 'a.js');
  writeFileSync(file, 'export const a = 1;');
  const cache = new CompileCache(undefined, dir);
  cache.prefetch(true);
  expect(await cache.readText(file)).toBe('export const a = 1;');
  await cache.compileModule(file, 'export const a = 1;', false, [], [], 'p');
  cache.buildEnded();
  expect(readdirSync(dir).sort()).toEqual(['a.js', 'package.json']);
});
