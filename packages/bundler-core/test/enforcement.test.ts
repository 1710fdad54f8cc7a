/**
 * Run-time enforcement (CONFORMANCE 50–52), end to end: fixture apps whose
 * packages live in node_modules are bundled by the real esbuild with the
 * Hermetic plugin (child process), and the bundle runs in a fresh vm context
 * whose global is the "host": granted and denied globals, aliases, writes,
 * dotted paths, denied imports (static and dynamic), debug mode, the trusted
 * root, and globals reached from a hoisted function in a cross-package cycle.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { buildInChild } from '../../../tests/browser/support/build-in-child.js';
import { createFixtureApp, type FixtureApp } from '../../../test-fixtures/packages/fixture-app.js';
import type { Policy } from '../src/index.js';

interface Run {
  results: Record<string, unknown>;
  /** What the bundle threw (or rejected with), as `name: message`. */
  error?: string;
  warnings: string[];
  ran: string[];
  host: Record<string, unknown>;
  buildWarnings: string[];
}

const apps: FixtureApp[] = [];
afterAll(() => apps.forEach((app) => app.remove()));

function pkg(name: string, files: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = { [`node_modules/${name}/package.json`]: JSON.stringify({ name, version: '1.0.0', type: 'module', main: 'index.js' }) };
  for (const [file, text] of Object.entries(files)) out[`node_modules/${name}/${file}`] = text;
  return out;
}

async function buildAndRun(name: string, files: Record<string, string>, options: { policy?: Policy; policyOverride?: Policy; debug?: boolean }): Promise<Run> {
  const app = createFixtureApp({ name, files });
  apps.push(app);
  const outDir = join(app.dir, 'dist');
  const report = await buildInChild({ bundler: 'esbuild', appDir: app.dir, entry: 'src/main.js', outDir, hermetic: true, options: { ...options, cacheDir: false } });
  const results: Record<string, unknown> = {};
  const warnings: string[] = [];
  const ran: string[] = [];
  const context = vm.createContext({
    console: { log: () => undefined, warn: (message: string) => warnings.push(message) },
    // Like the real `fetch`: a built-in method (no `prototype`) that needs the host as receiver.
    fetch: { fetch(this: unknown) { return this === host ? 'fetched with host receiver' : 'wrong receiver'; } }.fetch,
    document: { title: 'host doc' },
    hermeticShared: 1,
    ran,
    report: (value: object) => Object.assign(results, value),
  });
  const host = vm.runInContext('globalThis', context) as Record<string, unknown>;
  // The bundle's chunks (code splitting puts import() targets and shared code in their own files).
  const chunks = new Map<string, vm.SourceTextModule>();
  const chunk = (file: string): vm.SourceTextModule => {
    let loaded = chunks.get(file);
    if (loaded === undefined) {
      loaded = new vm.SourceTextModule(readFileSync(join(outDir, file), 'utf8'), {
        context,
        identifier: file,
        importModuleDynamically: (async (specifier: string) => {
          const target = chunk(specifier.replace(/^\.\//, ''));
          await target.link((s: string) => chunk(s.replace(/^\.\//, '')));
          await target.evaluate();
          return target;
        }) as never,
      });
      chunks.set(file, loaded);
    }
    return loaded;
  };
  const module = chunk('main.js');
  await module.link((specifier: string) => chunk(specifier.replace(/^\.\//, '')));
  let error: string | undefined;
  try {
    await module.evaluate();
    await (results.done as Promise<unknown> | undefined);
  } catch (thrown) {
    error = `${(thrown as Error).name}: ${(thrown as Error).message}`;
  }
  return { results, ...(error === undefined ? {} : { error }), warnings, ran, host, buildWarnings: report.warnings ?? [] };
}

const granting = (resources: Policy['resources']): Policy => ({ resources });

test('50: a granted global is readable; a denied one is absent (typeof undefined) and a read names package and entry', async () => {
  const run = await buildAndRun('enforce-globals', {
    ...pkg('lib', { 'index.js': `
      export const title = document.title;
      export const typeofFetch = typeof fetch;
      export function readFetch() { return fetch; }
      export function aliased() { const w = globalThis; return [typeof w.fetch, w.document === document, 'fetch' in w]; }
    ` }),
    'src/main.js': `
      import { title, typeofFetch, readFetch, aliased } from 'lib';
      let error;
      try { readFetch(); } catch (e) { error = e; }
      report({ title, typeofFetch, errorName: error.name, message: error.message, aliased: aliased(), rootFetch: typeof fetch });
    `,
  }, { policy: granting({ lib: { globals: { document: true } } }) });
  expect(run.error).toBeUndefined();
  expect(run.results).toMatchObject({ title: 'host doc', typeofFetch: 'undefined', errorName: 'ReferenceError', aliased: ['undefined', true, false], rootFetch: 'function' });
  expect(run.results.message).toContain('fetch is not defined in package "lib"');
  expect(run.results.message).toContain('{"resources":{"lib":{"globals":{"fetch":true}}}}');
}, 120000);

test('52: globalThis is the package\'s own frozen global: writes throw and never reach the host or another package; "write" grants reach the host', async () => {
  const run = await buildAndRun('enforce-writes', {
    ...pkg('writer', { 'index.js': `
      export function writeOwn() { try { globalThis.leak = 1; return 'wrote'; } catch (e) { return e.name; } }
      export function writeShared() { try { hermeticShared = 2; return 'wrote'; } catch (e) { return e.name; } }
    ` }),
    ...pkg('reader', { 'index.js': `export const sees = typeof globalThis.leak;` }),
    ...pkg('granted-writer', { 'index.js': `hermeticShared = hermeticShared + 41;` }),
    'src/main.js': `
      import { writeOwn, writeShared } from 'writer'; import { sees } from 'reader';
      report({ own: writeOwn(), shared: writeShared(), sees });
      import 'granted-writer';
    `,
  }, { policy: granting({ writer: { globals: { hermeticShared: true } }, reader: {}, 'granted-writer': { globals: { hermeticShared: 'write' } } }) });
  expect(run.error).toBeUndefined();
  expect(run.results).toEqual({ own: 'TypeError', shared: 'TypeError', sees: 'undefined' });
  expect(run.host.hermeticShared).toBe(42);
  expect('leak' in run.host).toBe(false);
}, 120000);

test('50: a dotted path grants one member only; host methods keep their receiver', async () => {
  const run = await buildAndRun('enforce-dotted', {
    ...pkg('lib', { 'index.js': `
      console.warn('hi');
      export const members = Object.keys(console);
      export const viaWindow = globalThis.fetch();
      export const direct = fetch();
    ` }),
    'src/main.js': `import { members, viaWindow, direct } from 'lib'; report({ members, viaWindow, direct });`,
  }, { policy: granting({ lib: { globals: { 'console.warn': true, fetch: true } } }) });
  expect(run.error).toBeUndefined();
  expect(run.warnings).toEqual(['hi']);
  expect(run.results).toEqual({ members: ['warn'], viaWindow: 'fetched with host receiver', direct: 'fetched with host receiver' });
}, 120000);

test('51: a denied import fails at start-up, before any package runs, naming both packages and the entry; the build warns', async () => {
  const run = await buildAndRun('enforce-import', {
    ...pkg('greeter', { 'index.js': `ran.push('greeter'); export const hi = 'hi';` }),
    ...pkg('importer', { 'index.js': `import { hi } from 'greeter'; ran.push('importer'); export { hi };` }),
    ...pkg('earlier', { 'index.js': `ran.push('earlier'); export const e = typeof document;` }),
    'src/main.js': `import { e } from 'earlier'; import { hi } from 'importer'; ran.push('main');`,
  }, { policy: granting({ importer: { packages: { greeter: false } }, greeter: {}, earlier: {} }) });
  // Not even the package evaluated before the importer: the bootstrap, which every package module reaches first, raises it.
  expect(run.ran).toEqual([]);
  expect(run.error).toMatch(/^HermeticPolicyError: Package "importer" may not import package "greeter" \(node_modules\/importer\/index\.js imports "greeter"\)/);
  expect(run.error).toContain('{"resources":{"importer":{"packages":{"greeter":true}}}}');
  expect(run.buildWarnings.some((w) => w.includes('Package "importer" may not import package "greeter"'))).toBe(true);
}, 120000);

test('51: a denied import() rejects with the denial; the denied package never runs', async () => {
  const run = await buildAndRun('enforce-dynamic', {
    ...pkg('greeter', { 'index.js': `ran.push('greeter'); export const hi = 'hi';` }),
    ...pkg('importer', { 'index.js': `export function load() { return import('greeter'); }` }),
    'src/main.js': `import { load } from 'importer';
      globalThis.report({ done: load().then(() => report({ loaded: true }), (e) => report({ name: e.name, message: e.message })) });`,
  }, { policy: granting({ importer: {}, greeter: {} }) });
  expect(run.error).toBeUndefined();
  expect(run.ran).toEqual([]);
  expect(run.results.name).toBe('HermeticPolicyError');
  expect(run.results.message).toContain('Package "importer" may not import package "greeter"');
}, 120000);

test('debug mode logs each denial with the entry to add and lets it through', async () => {
  const run = await buildAndRun('enforce-debug', {
    ...pkg('lib', { 'index.js': `export const t = document.title; import { x } from 'other'; export { x };` }),
    ...pkg('other', { 'index.js': `export const x = 1;` }),
    'src/main.js': `import { t, x } from 'lib'; report({ t, x });`,
  }, { policy: granting({ lib: {}, other: {} }), debug: true });
  expect(run.error).toBeUndefined();
  expect(run.results).toEqual({ t: 'host doc', x: 1 });
  expect(run.warnings.some((w) => w.includes('document is not defined in package "lib"'))).toBe(true);
  expect(run.warnings.some((w) => w.includes('Package "lib" may not import package "other"'))).toBe(true);
}, 120000);

test('the root is trusted (sees the real global, app-level writes reach the page) unless the policy lists $root$', async () => {
  const trusted = await buildAndRun('enforce-root-trusted', {
    'src/main.js': `globalThis.appFlag = 'set'; report({ f: typeof fetch, same: globalThis.document === document });`,
  }, {});
  expect(trusted.error).toBeUndefined();
  expect(trusted.results).toEqual({ f: 'function', same: true });
  expect(trusted.host.appFlag).toBe('set');
  const confined = await buildAndRun('enforce-root-confined', {
    'src/main.js': `report({ r: [typeof fetch, document.title] });`,
  }, { policyOverride: granting({ $root$: { globals: { document: true, report: true } } }) });
  expect(confined.error).toBeUndefined();
  expect(confined.results).toEqual({ r: ['undefined', 'host doc'] });
}, 120000);

test('a hoisted function of a package reads its globals when a cycle partner of another package calls it before its body runs', async () => {
  const run = await buildAndRun('enforce-cycle', {
    ...pkg('a', { 'index.js': `import { fromB } from 'b'; export const early = fromB; export function title() { return document.title; }` }),
    ...pkg('b', { 'index.js': `import { title } from 'a'; export const fromB = title();` }),
    'src/main.js': `import { early } from 'a'; report({ early });`,
  }, { policy: granting({ a: { globals: { document: true }, packages: { b: true } }, b: { packages: { a: true } } }) });
  expect(run.error).toBeUndefined();
  expect(run.results).toEqual({ early: 'host doc' });
}, 120000);

test('a CommonJS package that requires an ES-module package gets its exports, and both stay confined', async () => {
  const run = await buildAndRun('enforce-cjs-requires-esm', {
    ...pkg('esm-lib', { 'index.js': `export const title = document.title; export default function probe() { return typeof fetch; }` }),
    'node_modules/cjs-user/package.json': JSON.stringify({ name: 'cjs-user', version: '1.0.0', main: 'index.js' }),
    'node_modules/cjs-user/index.js': `var lib = require('esm-lib'); module.exports = { title: lib.title, probe: lib.default(), own: typeof fetch };`,
    'src/main.js': `import used from 'cjs-user'; report(used);`,
  }, { policy: granting({ 'esm-lib': { globals: { document: true } }, 'cjs-user': { packages: { 'esm-lib': true } } }) });
  expect(run.error).toBeUndefined();
  expect(run.results).toEqual({ title: 'host doc', probe: 'undefined', own: 'undefined' });
}, 120000);
