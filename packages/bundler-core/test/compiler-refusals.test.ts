/**
 * What the compiler refuses in package code, end to end with the real
 * esbuild, Rollup (+ node-resolve + commonjs) and Vite (issue 9, classes 2
 * and 5): a computed `import()`, which no bundler resolves, in an ES module
 * or in CommonJS, and a literal one with options esbuild cannot read, are
 * warned about at build time and rejected at run time (without the plugin
 * they reach the victim through Node's own loader); an
 * HTML-like comment, which Babel and Rolldown read differently, fails the
 * build naming file, line and column. Each bundle runs in Node; the policy
 * grants the attacker nothing.
 */
import { join } from 'node:path';
import { buildInChild, type BuildSpec } from '../../../tests/browser/support/build-in-child.js';
import { runNode } from '../../../tests/browser/support/commonjs-probe.js';
import { createFixtureApp, type FixtureApp } from '../../../test-fixtures/packages/fixture-app.js';

const BUNDLERS: Array<BuildSpec['bundler']> = ['esbuild', 'rollup', 'vite'];
const apps: FixtureApp[] = [];
afterAll(() => apps.forEach((app) => app.remove()));

const manifest = (name: string, type: 'module' | 'commonjs'): string => JSON.stringify({ name, version: '1.0.0', type, main: 'index.js' });

const POLICY = { resources: { attacker: { globals: {}, packages: {} }, 'cjs-attacker': { globals: {}, packages: {} }, victim: { globals: {} } } };

/** Each attacker computes the victim's name, so no bundler can resolve it, and reports what its import() settled to. */
const FILES = {
  'node_modules/victim/package.json': manifest('victim', 'module'),
  'node_modules/victim/index.js': 'export const secret = { victim: true };\n',
  'node_modules/attacker/package.json': manifest('attacker', 'module'),
  'node_modules/attacker/index.js': [
    "const name = ['vic', 'tim'].join('');",
    'export const tries = () => import(name).then((ns) => ns.secret, (e) => `${e.name}: ${e.message}`);',
    // esbuild leaves an import() whose options it cannot read to the run time (Node's own loader).
    "export const withOptions = () => import('victim', {}).then((ns) => ns.secret, (e) => `${e.name}: ${e.message}`);",
    '',
  ].join('\n'),
  'node_modules/cjs-attacker/package.json': manifest('cjs-attacker', 'commonjs'),
  'node_modules/cjs-attacker/index.js': [
    "var name = ['vic', 'tim'].join('');",
    'exports.tries = function () { return import(name).then(function (ns) { return ns.secret; }, function (e) { return e.name + ": " + e.message; }); };',
    '',
  ].join('\n'),
  // (Vite's preload helper reports a failed import() on window, which Node lacks.)
  'src/main.js': [
    "import { tries, withOptions } from 'attacker';",
    "import cjs from 'cjs-attacker';",
    'globalThis.window ??= new EventTarget();',
    'Promise.all([tries(), cjs.tries(), withOptions()]).then((r) => console.log(JSON.stringify(r)));',
    '',
  ].join('\n'),
};

function app(name: string, files: Record<string, string>): FixtureApp {
  const created = createFixtureApp({ name, files });
  apps.push(created);
  return created;
}

describe.each(BUNDLERS)('%s', (bundler) => {
  test('a computed import() in a package (ES module or CommonJS) is warned about at build time and refused at run time', async () => {
    const dynamic = app(`refuse-computed-${bundler}`, FILES);
    const outDir = join(dynamic.dir, `dist-${bundler}`);
    const report = await buildInChild({
      bundler, appDir: dynamic.dir, entry: 'src/main.js', outDir, hermetic: true, node: bundler === 'vite', minify: false, options: { cacheDir: false, policy: POLICY },
    });
    const results = JSON.parse(await runNode(join(outDir, 'main.js'))) as string[];
    expect(results).toEqual([
      expect.stringMatching(/^HermeticPolicyError: Package "attacker" may not use this import\(\) \(import\(victim\) at node_modules\/attacker\/index\.js:2:28\)/),
      expect.stringMatching(/^HermeticPolicyError: Package "cjs-attacker" may not use this import\(\) \(import\(victim\) at node_modules\/cjs-attacker\/index\.js:2:38\)/),
      expect.stringMatching(/^HermeticPolicyError: Package "attacker" may not use this import\(\) \(import\(victim\) at node_modules\/attacker\/index\.js:3:34\)/),
    ]);
    if (bundler !== 'vite') {
      // (Vite's build reports plugin warnings on its console, not through onwarn.)
      expect(report.warnings?.filter((w) => w.includes('computed import() in a compartmentalized package is refused at run time'))).toHaveLength(3);
    }
  }, 240000);

  test('without the plugin the same computed import() hands over the victim (the attack is real)', async () => {
    const control = app(`refuse-computed-control-${bundler}`, FILES);
    const outDir = join(control.dir, 'dist-plain');
    await buildInChild({ bundler, appDir: control.dir, entry: 'src/main.js', outDir, hermetic: false, node: bundler === 'vite', minify: false });
    expect(JSON.parse(await runNode(join(outDir, 'main.js')))).toEqual([{ victim: true }, { victim: true }, { victim: true }]);
  }, 240000);

  test('an HTML-like comment in a package fails the build naming file, line and column', async () => {
    const html = app(`refuse-html-comment-${bundler}`, {
      'node_modules/cjs-attacker/package.json': manifest('cjs-attacker', 'commonjs'),
      'node_modules/cjs-attacker/index.js': 'var a = 1, b = 1;\nmodule.exports = a <!--b; module.exports = { leak: globalThis };\n',
      'src/main.js': "import leak from 'cjs-attacker';\nconsole.log(typeof leak);\n",
    });
    const outDir = join(html.dir, `dist-${bundler}`);
    const message = await buildInChild({
      bundler, appDir: html.dir, entry: 'src/main.js', outDir, hermetic: true, node: bundler === 'vite', minify: false, options: { cacheDir: false, policy: POLICY },
    }).then(() => 'built', (error: Error) => error.message);
    expect(message).toContain("an HTML-like comment (`<!--`) is read differently by Babel and by bundlers' parsers");
    expect(message).toMatch(/node_modules\/cjs-attacker\/index\.js:2:20\)/);
  }, 240000);
});
