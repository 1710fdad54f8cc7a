/**
 * Run-time enforcement by the bootstrap, with the real compiler and runtime
 * (CONFORMANCE 50–52): granted and denied globals, aliases, writes, dotted
 * paths, denied imports, debug mode, the trusted root.
 */
import { compileModule } from '@hermetic/module-source';
import { Compartment, ModuleSource } from '@hermetic/runtime';
import { createHermeticApp } from '../src/bootstrap/index.js';
import type { Policy } from '@hermetic/bundler-core';
import type { ModuleRecordShape } from '../src/bootstrap/record-shape.js';

type Deps = Record<string, [string, string]>;

function record(source: string): ModuleRecordShape {
  const { code } = compileModule(source, { format: 'expression' });
  // Test-only: the bundle embeds this text as code; here we evaluate it.
  return new Function(`return ${code}`)() as ModuleRecordShape;
}

function makeHost(): Record<string, unknown> {
  const host: Record<string, unknown> = {
    console: { log: () => undefined, warn: () => undefined, error: () => undefined },
    // Like the real `fetch`: a built-in method (no `prototype`) that needs the host as receiver.
    fetch: { fetch(this: unknown) { return this === host ? 'fetched with host receiver' : 'wrong receiver'; } }.fetch,
    document: { title: 'host doc' },
    hermeticShared: 1,
  };
  return host;
}

function appFor(policy: Policy, host: object, extra: { debug?: boolean; warn?: (m: string) => void } = {}) {
  const errors: unknown[] = [];
  const app = createHermeticApp({
    Compartment: Compartment as never,
    ModuleSource: ModuleSource as never,
    policy,
    host,
    onError: (error) => errors.push(error),
    ...extra,
  });
  return { app, errors };
}

async function settle(app: { whenIdle(): Promise<void> }): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  await app.whenIdle().catch(() => undefined);
}

test('50: a granted global is readable; a denied one is absent (typeof undefined) and a read names package and entry', async () => {
  const host = makeHost();
  const { app, errors } = appFor({ resources: { lib: { globals: { document: true } } } }, host);
  const results: Record<string, unknown> = {};
  host.report = (value: unknown) => Object.assign(results, value);
  app.register('node_modules/lib/index.js', 'lib', record(`
    export const title = document.title;
    export const typeofFetch = typeof fetch;
    export function readFetch() { return fetch; }
    export function aliased() { const w = globalThis; return [typeof w.fetch, w.document === document, 'fetch' in w]; }
  `), {});
  app.register('src/main.js', '$root$', record(`
    import { title, typeofFetch, readFetch, aliased } from 'lib';
    let error;
    try { readFetch(); } catch (e) { error = e; }
    report({ title, typeofFetch, errorName: error.name, message: error.message, aliased: aliased() });
  `), { lib: ['node_modules/lib/index.js', 'lib'] });
  await settle(app);
  expect(errors).toEqual([]);
  expect(results.title).toBe('host doc');
  expect(results.typeofFetch).toBe('undefined');
  expect(results.errorName).toBe('ReferenceError');
  expect(results.message).toContain('fetch is not defined in package "lib"');
  expect(results.message).toContain('{"resources":{"lib":{"globals":{"fetch":true}}}}');
  expect(results.aliased).toEqual(['undefined', true, false]);
});

test('52: globalThis is the package\'s own frozen global: writes throw and never reach the host or another package', async () => {
  const host = makeHost();
  const { app, errors } = appFor({ resources: { writer: { globals: { hermeticShared: true } }, reader: {} } }, host);
  const results: Record<string, unknown> = {};
  host.report = (value: unknown) => Object.assign(results, value);
  app.register('w.js', 'writer', record(`
    export function writeOwn() { try { globalThis.leak = 1; return 'wrote'; } catch (e) { return e.name; } }
    export function writeShared() { try { hermeticShared = 2; return 'wrote'; } catch (e) { return e.name; } }
  `), {});
  app.register('r.js', 'reader', record(`export const sees = typeof globalThis.leak;`), {});
  app.register('main.js', '$root$', record(`
    import { writeOwn, writeShared } from 'w'; import { sees } from 'r';
    report({ own: writeOwn(), shared: writeShared(), sees });
  `), { w: ['w.js', 'writer'], r: ['r.js', 'reader'] });
  await settle(app);
  expect(errors).toEqual([]);
  expect(results).toEqual({ own: 'TypeError', shared: 'TypeError', sees: 'undefined' });
  expect(host.hermeticShared).toBe(1);
  expect('leak' in host).toBe(false);
});

test('52: a "write" global lets assignments reach the host global', async () => {
  const host = makeHost();
  const { app, errors } = appFor({ resources: { writer: { globals: { hermeticShared: 'write' } } } }, host);
  app.register('w.js', 'writer', record(`hermeticShared = hermeticShared + 41;`), {});
  app.register('main.js', '$root$', record(`import 'w';`), { w: ['w.js', 'writer'] });
  await settle(app);
  expect(errors).toEqual([]);
  expect(host.hermeticShared).toBe(42);
});

test('50: a dotted path grants one member only; host methods keep their receiver', async () => {
  const host = makeHost();
  let warned = '';
  (host.console as Record<string, unknown>).warn = (m: string) => { warned = m; };
  const { app, errors } = appFor({ resources: { lib: { globals: { 'console.warn': true, fetch: true } } } }, host);
  const results: Record<string, unknown> = {};
  host.report = (value: unknown) => Object.assign(results, value);
  app.register('lib.js', 'lib', record(`
    console.warn('hi');
    export const members = Object.keys(console);
    export const viaWindow = globalThis.fetch();
    export const direct = fetch();
  `), {});
  app.register('main.js', '$root$', record(`import { members, viaWindow, direct } from 'lib'; report({ members, viaWindow, direct });`), { lib: ['lib.js', 'lib'] });
  await settle(app);
  expect(errors).toEqual([]);
  expect(warned).toBe('hi');
  expect(results).toEqual({ members: ['warn'], viaWindow: 'fetched with host receiver', direct: 'fetched with host receiver' });
});

test('51: a denied import fails at start-up, before any module runs, naming both packages and the entry', async () => {
  const host = makeHost();
  const ran: string[] = [];
  host.ran = ran;
  const { app, errors } = appFor({ resources: { importer: { packages: { greeter: false } }, greeter: {} } }, host);
  app.register('g.js', 'greeter', record(`ran.push('greeter'); export const hi = 'hi';`), {});
  app.register('i.js', 'importer', record(`import { hi } from 'greeter'; ran.push('importer'); export { hi };`), { greeter: ['g.js', 'greeter'] });
  app.register('main.js', '$root$', record(`import { hi } from 'importer'; ran.push('main');`), { importer: ['i.js', 'importer'] });
  await settle(app);
  expect(ran).toEqual([]);
  expect(errors).toHaveLength(1);
  const message = (errors[0] as Error).message;
  expect((errors[0] as Error).name).toBe('HermeticPolicyError');
  expect(message).toContain('Package "importer" may not import package "greeter" (i.js imports "greeter")');
  expect(message).toContain('{"resources":{"importer":{"packages":{"greeter":true}}}}');
});

test('debug mode logs each denial with the entry to add and lets it through', async () => {
  const host = makeHost();
  const warnings: string[] = [];
  const { app, errors } = appFor({ resources: { lib: {} } }, host, { debug: true, warn: (m) => warnings.push(m) });
  const results: Record<string, unknown> = {};
  host.report = (value: unknown) => Object.assign(results, value);
  app.register('lib.js', 'lib', record(`export const t = document.title;`), {});
  app.register('other.js', 'other', record(`export const x = 1;`), {});
  app.register('lib2.js', 'lib', record(`import { x } from 'other'; export { x };`), { other: ['other.js', 'other'] });
  app.register('main.js', '$root$', record(`import { t } from 'lib'; import { x } from 'lib2'; report({ t, x });`), {
    lib: ['lib.js', 'lib'], lib2: ['lib2.js', 'lib'],
  });
  await settle(app);
  expect(errors).toEqual([]);
  expect(results).toEqual({ t: 'host doc', x: 1 });
  expect(warnings.some((w) => w.includes('document is not defined in package "lib"'))).toBe(true);
  expect(warnings.some((w) => w.includes('Package "lib" may not import package "other"'))).toBe(true);
});

test('the root is trusted unless the policy lists $root$', async () => {
  const host = makeHost();
  const { app, errors } = appFor({ resources: { $root$: { globals: { document: true } } } }, host);
  const results: Record<string, unknown> = {};
  app.register('main.js', '$root$', record(`export const r = [typeof fetch, document.title];`), {});
  await settle(app);
  expect(errors).toEqual([]);
  const ns = (await app.compartmentOf('$root$').import('main.js')) as { r: unknown };
  void results;
  expect(ns.r).toEqual(['undefined', 'host doc']);
});

test('a trusted root sees the real global through globalThis/window, so app-level writes reach the page', async () => {
  const host = makeHost();
  host.window = host;
  const { app, errors } = appFor({ resources: {} }, host);
  app.register('main.js', '$root$', record(`window.appFlag = 'set'; export const same = globalThis === window; export const f = typeof fetch;`), {});
  await settle(app);
  expect(errors).toEqual([]);
  expect(host.appFlag).toBe('set');
  const ns = (await app.compartmentOf('$root$').import('main.js')) as { same: boolean; f: string };
  expect(ns).toMatchObject({ same: true, f: 'function' });
});
