/**
 * One plugin instance across esbuild context rebuilds (watch, serve): it
 * keeps compilations in memory by path, and a package file that changed
 * between builds is compiled again from its new text; the policy follows.
 * Real esbuild in a child process, running the built plugin.
 */
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createFixtureApp, type FixtureApp } from '../../../test-fixtures/packages/fixture-app.js';

let app: FixtureApp;
beforeAll(() => {
  app = createFixtureApp({
    name: 'esbuild-rebuild',
    files: {
      'node_modules/changing/package.json': JSON.stringify({ name: 'changing', version: '1.0.0', type: 'module', main: 'index.js' }),
      'node_modules/changing/index.js': 'export const answer = () => Math.max(1, 2);\n',
      'node_modules/changing-cjs/package.json': JSON.stringify({ name: 'changing-cjs', version: '1.0.0', main: 'index.js' }),
      'node_modules/changing-cjs/index.js': 'exports.value = typeof setTimeout;\n',
      'src/main.js': `import { answer } from 'changing';\nimport cjs from 'changing-cjs';\nconsole.log(JSON.stringify({ answer: answer(), cjs: cjs.value }));\n`,
    },
  });
});
afterAll(() => app.remove());

test('a rebuild compiles a changed ES module and CommonJS file from their new text, an unchanged rebuild gives the same result, and the policy follows', async () => {
  const plugin = resolve(__dirname, '..', 'dist', 'index.bundled.js');
  const script = join(app.dir, 'rebuild.mjs');
  writeFileSync(script, `
    import { context } from 'esbuild';
    import { writeFileSync } from 'node:fs';
    import { execFileSync } from 'node:child_process';
    import { hermetic } from ${JSON.stringify(plugin)};
    const policies = [];
    const ctx = await context({
      absWorkingDir: ${JSON.stringify(app.dir)}, entryPoints: ['src/main.js'], bundle: true, format: 'esm', outdir: 'dist', logLevel: 'error',
      plugins: [hermetic({ cacheDir: false, onPolicy: (json) => policies.push(JSON.parse(json)) })],
    });
    const run = () => execFileSync(process.execPath, ['dist/main.js'], { cwd: ${JSON.stringify(app.dir)}, encoding: 'utf8' }).trim();
    const outputs = [];
    await ctx.rebuild(); outputs.push(run());
    await ctx.rebuild(); outputs.push(run());
    writeFileSync('node_modules/changing/index.js', 'export const answer = () => Math.min(1, 2) + 40 + (typeof fetch === "function" ? 0 : 1);\\n');
    writeFileSync('node_modules/changing-cjs/index.js', 'exports.value = typeof queueMicrotask + typeof setTimeout;\\n');
    await ctx.rebuild(); outputs.push(run());
    await ctx.dispose();
    console.log(JSON.stringify({ outputs, globals: policies.map((p) => [p.resources.changing?.globals, p.resources['changing-cjs']?.globals]) }));
  `);
  const stdout = await new Promise<string>((done, fail) => {
    execFile(process.execPath, [script], { cwd: app.dir, timeout: 60000 }, (error, out, err) => (error ? fail(new Error(`${error.message}\n${err}`)) : done(out)));
  });
  const { outputs, globals } = JSON.parse(stdout.trim().split('\n').pop()!) as { outputs: string[]; globals: unknown[] };
  expect(outputs.map((o) => JSON.parse(o))).toEqual([
    { answer: 2, cjs: 'function' },
    { answer: 2, cjs: 'function' },
    { answer: 41, cjs: 'functionfunction' },
  ]);
  // (JSON: an absent entry is null.)
  expect(globals[0]).toEqual([null, { setTimeout: true }]);
  expect(globals[1]).toEqual(globals[0]);
  expect(globals[2]).toEqual([{ fetch: true }, { queueMicrotask: true, setTimeout: true }]);
  expect(readFileSync(join(app.dir, 'node_modules/changing/index.js'), 'utf8')).toContain('Math.min');
}, 120000);
