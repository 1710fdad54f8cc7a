/**
 * `hermetic run` (esbuild for Node): a CommonJS package's `require` of a Node
 * built-in follows the policy's `builtin` entries, as an ES import does
 * (CONFORMANCE 51): denied, the require throws the denial naming the package,
 * the module and the entry to add, and the build warns with the same text;
 * in debug mode it goes through with a logged denial; granted, it works.
 */
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { createFixtureApp, type FixtureApp } from '../../test-fixtures/packages/fixture-app.js';

const cli = join(resolve(__dirname, '..', '..'), 'packages/hermetic/dist/cli.js');

const DENIAL =
  'Package "policy-cjs-builtin" may not require the built-in module "path" (from node_modules/policy-cjs-builtin/index.js): ' +
  'the Hermetic policy does not allow it. To allow it, add to your policy override: {"resources":{"policy-cjs-builtin":{"builtin":{"path":true}}}}';

let app: FixtureApp;
beforeAll(() => {
  app = createFixtureApp({
    name: 'run-cjs-builtin',
    fixturePackages: ['policy-cjs-builtin'],
    files: {
      'src/main.js': `import { separator } from 'policy-cjs-builtin';\nconsole.log(JSON.stringify({ separator: separator() }));\n`,
      'denied.json': JSON.stringify({ resources: { 'policy-cjs-builtin': {} } }),
      'granted.json': JSON.stringify({ resources: { 'policy-cjs-builtin': { builtin: { path: true } } } }),
      'dotted.json': JSON.stringify({ resources: { 'policy-cjs-builtin': { builtin: { 'path.sep': true } } } }),
      'other-member.json': JSON.stringify({ resources: { 'policy-cjs-builtin': { builtin: { 'path.join': true } } } }),
    },
  });
});
afterAll(() => app.remove());

function run(...args: string[]): Promise<{ result: unknown; stderr: string }> {
  return new Promise((done, fail) => {
    execFile(process.execPath, [cli, 'run', 'src/main.js', ...args], { cwd: app.dir, timeout: 120000 }, (error, stdout, stderr) => {
      if (error) fail(new Error(`${error.message}\n${stderr}`));
      else done({ result: JSON.parse(stdout.trim().split('\n').pop() ?? ''), stderr });
    });
  });
}

test('51: a require of a built-in the policy does not grant throws the denial; the build warns with the same text', async () => {
  const { result, stderr } = await run('--policy', 'denied.json');
  expect(result).toEqual({ separator: `HermeticPolicyError: ${DENIAL}` });
  expect(stderr).toContain(DENIAL);
}, 120000);

test('51: in debug mode the built-in require goes through and the denial is logged', async () => {
  const { result, stderr } = await run('--policy', 'denied.json', '--debug');
  expect(result).toEqual({ separator: '/' });
  expect(stderr).toContain(`[hermetic debug] allowed despite the policy: ${DENIAL}`);
}, 120000);

test('51: a builtin entry, or a dotted member of it, grants the require; a member grant gives that member only', async () => {
  expect((await run('--policy', 'granted.json')).result).toEqual({ separator: '/' });
  expect((await run('--policy', 'dotted.json')).result).toEqual({ separator: '/' });
  // Granted path.join, the package reads path.sep: the module it gets holds join only.
  expect((await run('--policy', 'other-member.json')).result).toEqual({});
}, 120000);
