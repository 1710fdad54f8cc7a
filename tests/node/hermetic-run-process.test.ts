/**
 * `hermetic run` runs the bundle in a child Node process: the program gets
 * the arguments after the entry and decides the exit code; string
 * compilation is off there unless `--allow-string-compilation`, and
 * `--hardened`'s lockdown works without it; the entry's own output runs, not
 * a lazy chunk. Runs the built CLI (`npm run build` first).
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { createFixtureApp, REPO_ROOT, type FixtureApp } from '../../test-fixtures/packages/fixture-app.js';

const cli = join(REPO_ROOT, 'packages/hermetic/dist/cli.js');

let app: FixtureApp;
beforeAll(() => {
  app = createFixtureApp({
    name: 'run-process',
    files: {
      'src/main.js': [
        "const lazy = await import('./a-lazy.js');",
        'let compiled;',
        "try { compiled = (0, eval)('1 + 1'); } catch (error) { compiled = error.name; }",
        'console.log(JSON.stringify({ args: process.argv.slice(2), compiled, lazy: lazy.ran, locked: Object.isFrozen(Object.prototype) }));',
        "process.exitCode = Number(process.argv[2] ?? '0');",
      ].join('\n'),
      'src/a-lazy.js': "console.log('the lazy chunk loaded');\nexport const ran = true;\n",
    },
  });
});
afterAll(() => app.remove());

function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [cli, 'run', 'src/main.js', ...args], { cwd: app.dir, timeout: 120000 }, (error, stdout, stderr) => {
      done({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
    });
  });
}

const report = (stdout: string): unknown => JSON.parse(stdout.trim().split('\n').pop() ?? '');

test('the program gets its arguments and its exit code is the command\'s; its own entry runs, with no string compilation', async () => {
  const { code, stdout } = await run('3', 'two');
  expect(code).toBe(3);
  expect(report(stdout)).toEqual({ args: ['3', 'two'], compiled: 'EvalError', lazy: true, locked: false });
  expect(stdout.trim().split('\n')).toHaveLength(2);
}, 120000);

test('--allow-string-compilation lets the program compile strings', async () => {
  const { code, stdout } = await run('--allow-string-compilation');
  expect(code).toBe(0);
  expect(report(stdout)).toEqual({ args: [], compiled: 2, lazy: true, locked: false });
}, 120000);

test('--hardened still locks down the intrinsics in a process that cannot compile strings', async () => {
  const { code, stdout, stderr } = await run('--hardened');
  expect(code).toBe(0);
  expect(report(stdout)).toEqual({ args: [], compiled: 'EvalError', lazy: true, locked: true });
  expect(stderr).toBe('');
}, 120000);
