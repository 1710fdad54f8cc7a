/**
 * Every request of a compartmentalized module is checked where the bundler
 * resolves it (issue 9, classes 1, 2, 4, 8), with the real esbuild, Rollup
 * (+ node-resolve + commonjs) and Vite: Hermetic's virtual modules are out of
 * reach of package code; `import()` in any spelling the bundler resolves, and
 * `require` from an ES module, reach a denied package only as a stub that
 * throws the denial; a module a bundler runs as JavaScript under another
 * extension or with a query is compiled into its package's compartment; a
 * hardened Rollup build with @rollup/plugin-commonjs locks down.
 * Each bundle runs in Node; the policy grants the attacker nothing.
 */
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { join } from 'node:path';
import { buildInChild, type BuildSpec } from '../../../tests/browser/support/build-in-child.js';
import { runNode } from '../../../tests/browser/support/commonjs-probe.js';
import { createFixtureApp, type FixtureApp } from '../../../test-fixtures/packages/fixture-app.js';

const BUNDLERS: Array<BuildSpec['bundler']> = ['esbuild', 'rollup', 'vite'];
const apps: FixtureApp[] = [];
afterAll(() => apps.forEach((app) => app.remove()));

const manifest = (name: string, extra: object = {}): string => JSON.stringify({ name, version: '1.0.0', type: 'module', main: 'index.js', ...extra });

/** The victim records that it ran on the host global, which the root reads back. */
const VICTIM = {
  'node_modules/victim/package.json': manifest('victim'),
  'node_modules/victim/index.js': 'export const secret = { victim: true };\n',
};

/** An explicit policy: the attacker gets nothing, the victim nothing either. */
const POLICY = { resources: { attacker: { globals: {}, packages: {} }, victim: { globals: {} } } };

function app(name: string, files: Record<string, string>): FixtureApp {
  const created = createFixtureApp({ name, files: { ...VICTIM, ...files } });
  apps.push(created);
  return created;
}

async function build(bundler: BuildSpec['bundler'], appDir: string, options: Record<string, unknown> = { policy: POLICY }): Promise<string> {
  const outDir = join(appDir, `dist-${bundler}`);
  await buildInChild({ bundler, appDir, entry: 'src/main.js', outDir, hermetic: true, node: bundler === 'vite', minify: false, options: { cacheDir: false, ...options } });
  return outDir;
}

async function buildError(bundler: BuildSpec['bundler'], appDir: string): Promise<string> {
  return build(bundler, appDir).then(() => 'built', (error: Error) => error.message);
}

describe.each(BUNDLERS)('%s', (bundler) => {
  test('a package cannot import the bootstrap or another package\'s scope: the build fails naming it', async () => {
    const bootstrap = app(`gate-bootstrap-${bundler}`, {
      'node_modules/attacker/package.json': manifest('attacker'),
      'node_modules/attacker/index.js': `export const grab = () => import('hermetic:bootstrap');\n`,
      'src/main.js': `import { grab } from 'attacker';\nconsole.log(typeof grab);\n`,
    });
    const message = await buildError(bundler, bootstrap.dir);
    expect(message).toContain('Package "attacker" (node_modules/attacker/index.js) imports the bootstrap');
    expect(message).toContain('exclude');

    const rootScope = `hermetic:scope:${Buffer.from('$root$').toString('base64url')}`;
    const scope = app(`gate-scope-${bundler}`, {
      'node_modules/attacker/package.json': manifest('attacker'),
      'node_modules/attacker/index.js': `import { g } from ${JSON.stringify(rootScope)};\nexport const grab = () => g;\n`,
      'src/main.js': `import { grab } from 'attacker';\nconsole.log(typeof grab);\n`,
    });
    expect(await buildError(bundler, scope.dir)).toContain('Package "attacker" (node_modules/attacker/index.js) imports the scope of package "$root$"');
  }, 240000);

  test('import() in any spelling the bundler resolves, and require from an ES module, reach a denied package only as a stub that throws', async () => {
    const dynamic = app(`gate-dynamic-${bundler}`, {
      'node_modules/attacker/package.json': manifest('attacker'),
      'node_modules/attacker/index.js': [
        'const settle = (p) => p.then((ns) => ns.secret ?? ns.default?.secret ?? "resolved", (e) => `${e.name}: ${e.message}`);',
        'export const tries = () => Promise.all([settle(import(`victim`)), settle(import(/* c */ "victim")), settle(import("victim"))]);',
        '',
      ].join('\n'),
      // (Vite's preload helper reports a failed import() on window, which Node lacks.)
      'src/main.js': `import { tries } from 'attacker';\nglobalThis.window ??= new EventTarget();\ntries().then((r) => console.log(JSON.stringify(r)));\n`,
    });
    const outDir = await build(bundler, dynamic.dir);
    const results = JSON.parse(await runNode(join(outDir, 'main.js'))) as string[];
    expect(results).toHaveLength(3);
    for (const result of results) {
      expect(result).toMatch(/^HermeticPolicyError: Package "attacker" may not import package "victim" \(node_modules\/attacker\/index\.js imports "victim"\)/);
    }
  }, 240000);

  test('without the plugin the same import() hands over the victim (the attack is real)', async () => {
    const control = app(`gate-control-${bundler}`, {
      'node_modules/attacker/package.json': manifest('attacker'),
      'node_modules/attacker/index.js': 'export const tries = () => import(`victim`).then((ns) => ns.secret);\n',
      'src/main.js': `import { tries } from 'attacker';\ntries().then((r) => console.log(JSON.stringify(r)));\n`,
    });
    const outDir = join(control.dir, 'dist-plain');
    await buildInChild({ bundler, appDir: control.dir, entry: 'src/main.js', outDir, hermetic: false, node: bundler === 'vite', minify: false });
    expect(JSON.parse(await runNode(join(outDir, 'main.js')))).toEqual({ victim: true });
  }, 240000);
});

test.each(['rollup', 'vite'] as const)('%s: a file of a package run as JavaScript under another extension or with a query is compiled into the package', async (bundler) => {
  const payload = 'export const seen = [typeof process, typeof globalThis.process];\n';
  const odd = app(`gate-odd-${bundler}`, {
    'node_modules/attacker/package.json': manifest('attacker'),
    // Vite loads the file without the query; Rollup loads a file named with it.
    'node_modules/attacker/payload.js': payload,
    'node_modules/attacker/payload.js?x': payload,
    'node_modules/attacker/index.js': `export { seen as query } from './payload.js?x';\n`,
    'src/main.js': `import { query } from 'attacker';\nconsole.log(JSON.stringify({ query, host: typeof process }));\n`,
  });
  const outDir = await build(bundler, odd.dir);
  expect(JSON.parse(await runNode(join(outDir, 'main.js')))).toEqual({ query: ['undefined', 'undefined'], host: 'object' });
}, 240000);

test('rollup: a file of a package that Rollup loads as JavaScript whatever its extension is compiled into the package', async () => {
  const odd = app('gate-extension', {
    'node_modules/attacker/package.json': manifest('attacker'),
    'node_modules/attacker/payload.txt': 'export const seen = typeof globalThis.process;\n',
    'node_modules/attacker/index.js': `export { seen } from './payload.txt';\n`,
    'src/main.js': `import { seen } from 'attacker';\nconsole.log(JSON.stringify({ seen, host: typeof process }));\n`,
  });
  const outDir = await build('rollup', odd.dir);
  expect(JSON.parse(await runNode(join(outDir, 'main.js')))).toEqual({ seen: 'undefined', host: 'object' });
}, 240000);

test('vite: a package\'s ?worker import fails the build (a worker is a realm no compartment confines)', async () => {
  const worker = app('gate-worker', {
    'node_modules/attacker/package.json': manifest('attacker'),
    'node_modules/attacker/work.js': 'fetch("/steal");\n',
    'node_modules/attacker/index.js': `import Work from './work.js?worker';\nexport const start = () => new Work();\n`,
    'src/main.js': `import { start } from 'attacker';\nconsole.log(typeof start);\n`,
  });
  expect(await buildError('vite', worker.dir)).toContain('Package "attacker" (node_modules/attacker/index.js) imports a worker ("./work.js?worker")');
}, 240000);

test.each(BUNDLERS)('%s: a package\'s import of a data: URL fails the build (the module would run uncompiled)', async (bundler) => {
  const dataUrl = app(`gate-data-${bundler}`, {
    'node_modules/attacker/package.json': manifest('attacker'),
    'node_modules/attacker/index.js': 'export const grab = () => import("data:text/javascript,export default globalThis");\n',
    'src/main.js': `import { grab } from 'attacker';\nconsole.log(typeof grab);\n`,
  });
  expect(await buildError(bundler, dataUrl.dir)).toContain('Package "attacker" (node_modules/attacker/index.js) imports a URL ("data:text/javascript,export default globalThis")');
}, 240000);

test('rollup + @rollup/plugin-commonjs, hardened: the bundle locks down before any package runs', async () => {
  const hardened = app('gate-hardened', {
    'node_modules/cjs-pkg/package.json': JSON.stringify({ name: 'cjs-pkg', version: '1.0.0', main: 'index.js' }),
    'node_modules/cjs-pkg/index.js': 'exports.frozen = () => Object.isFrozen(Object.prototype);\n',
    'src/main.js': `import { frozen } from 'cjs-pkg';\nconsole.log(JSON.stringify({ frozen: frozen() }));\n`,
    'package.json': JSON.stringify({ name: 'gate-hardened', private: true, type: 'module', dependencies: { 'cjs-pkg': '*' } }),
  });
  const outDir = await build('rollup', hardened.dir, { hardened: true });
  expect(readFileSync(join(outDir, 'main.js'), 'utf8')).toMatch(/\blockdown\s*\(/);
  expect(JSON.parse(await runNode(join(outDir, 'main.js')))).toEqual({ frozen: true });
}, 240000);

test.each(BUNDLERS)('%s: a policy granting a DOM API or the whole process is reported as a grant of everything', async (bundler) => {
  const granted = app(`gate-grant-warning-${bundler}`, {
    'node_modules/attacker/package.json': manifest('attacker'),
    'node_modules/attacker/index.js': 'export const title = () => typeof document;\n',
    'src/main.js': `import { title } from 'attacker';\nconsole.log(title());\n`,
  });
  const policy = { resources: { attacker: { globals: { document: true, process: true } }, victim: {} } };
  const report = await buildInChild({
    bundler, appDir: granted.dir, entry: 'src/main.js', outDir: join(granted.dir, 'dist'), hermetic: true, node: bundler === 'vite', minify: false,
    options: { cacheDir: false, policy },
  });
  const warnings = (report.warnings ?? []).join('\n');
  expect(warnings).toContain('Package "attacker" is granted document: a DOM node or EventTarget reaches the page\'s window');
  expect(warnings).toContain('Package "attacker" is granted the global "process"');
}, 240000);

test('esbuild IIFE (sloppy output): a package function called without a receiver gets its package global, not the host', async () => {
  const sloppy = app('gate-iife-this', {
    'node_modules/attacker/package.json': manifest('attacker'),
    'node_modules/attacker/index.js': 'export const grab = () => (function () { return this; })();\n',
    'src/main.js': `import { grab } from 'attacker';\nreport(grab() === globalThis, typeof grab().report);\n`,
  });
  const outDir = join(sloppy.dir, 'dist-iife');
  await buildInChild({ bundler: 'esbuild', appDir: sloppy.dir, entry: 'src/main.js', outDir, hermetic: true, format: 'iife', minify: false, options: { cacheDir: false, policy: POLICY } });
  const seen: unknown[] = [];
  vm.runInNewContext(readFileSync(join(outDir, 'main.js'), 'utf8'), { report: (...args: unknown[]) => seen.push(...args) });
  expect(seen).toEqual([false, 'undefined']);

  const control = join(sloppy.dir, 'dist-plain');
  await buildInChild({ bundler: 'esbuild', appDir: sloppy.dir, entry: 'src/main.js', outDir: control, hermetic: false, format: 'iife', minify: false });
  const plain: unknown[] = [];
  vm.runInNewContext(readFileSync(join(control, 'main.js'), 'utf8'), { report: (...args: unknown[]) => plain.push(...args) });
  expect(plain).toEqual([true, 'function']);
}, 240000);
