/**
 * A policy written the way LavaMoat writes it (dependency-path names such as
 * "policy-importer>policy-greeter", dotted globals, dotted builtins), used
 * unchanged by `hermetic run` on an app with a nested node_modules layout:
 * it works as written, and removing an entry denies exactly that access.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createFixtureApp, type FixtureApp } from '../../../test-fixtures/packages/fixture-app.js';

const repo = resolve(__dirname, '..', '..', '..');
let app: FixtureApp;

const lavamoatPolicy = {
  resources: {
    'policy-importer': { packages: { 'policy-importer>policy-greeter': true } },
    'policy-importer>policy-greeter': { globals: { 'console.log': true } },
    'policy-builtin': { builtin: { 'path.basename': true } },
  },
};

beforeAll(() => {
  app = createFixtureApp({
    name: 'lavamoat-policy',
    fixturePackages: ['policy-importer', 'policy-builtin'],
    files: {
      'src/main.js': [
        `import { hello } from 'policy-importer';`,
        `import { base } from 'policy-builtin';`,
        `console.log(hello());`,
        `console.log(base());`,
        ``,
      ].join('\n'),
    },
  });
  // The nested layout that gives policy-greeter the canonical name "policy-importer>policy-greeter".
  const nested = join(app.dir, 'node_modules/policy-importer/node_modules');
  mkdirSync(nested, { recursive: true });
  cpSync(join(repo, 'test-fixtures/packages/policy-greeter'), join(nested, 'policy-greeter'), { recursive: true });
});
afterAll(() => app.remove());

function run(policy: object): Promise<{ code: number; stdout: string; stderr: string }> {
  const file = join(app.dir, `policy-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(policy, null, 2));
  return new Promise((done) => {
    execFile(process.execPath, [join(repo, 'packages/hermetic/dist/cli.js'), 'run', join(app.dir, 'src/main.js'), '--policy', file],
      { cwd: app.dir, timeout: 120000 }, (error, stdout, stderr) => done({ code: error ? 1 : 0, stdout, stderr }));
  });
}

test('the LavaMoat-style policy works unchanged: nested canonical names, dotted globals, dotted builtins', async () => {
  const result = await run(lavamoatPolicy);
  expect(result.stderr).toBe('');
  expect(result.stdout).toBe('policy-greeter greets importer\nHello, importer!\nreport.txt\n');
}, 120000);

test('51: without its "packages" entry the nested import is denied at start-up, with both canonical names', async () => {
  const result = await run({ resources: { ...lavamoatPolicy.resources, 'policy-importer': {} } });
  expect(result.code).not.toBe(0);
  expect(result.stdout).toBe('');
  expect(result.stderr).toContain('Package "policy-importer" may not import package "policy-importer>policy-greeter"');
  expect(result.stderr).toContain('{"resources":{"policy-importer":{"packages":{"policy-importer>policy-greeter":true}}}}');
}, 120000);

test('50: a dotted global grants that member only: without "console.log" the greeter cannot log', async () => {
  const result = await run({ resources: { ...lavamoatPolicy.resources, 'policy-importer>policy-greeter': { globals: { 'console.warn': true } } } });
  expect(result.code).not.toBe(0);
  expect(result.stderr).toMatch(/TypeError: .*log.* is not a function/);
}, 120000);

test('without its "builtin" entry the built-in import is denied, naming the package and the entry', async () => {
  const result = await run({ resources: { ...lavamoatPolicy.resources, 'policy-builtin': {} } });
  expect(result.code).not.toBe(0);
  expect(result.stderr).toContain('Package "policy-builtin" may not import the built-in module "path"');
  expect(result.stderr).toContain('{"resources":{"policy-builtin":{"builtin":{"path":true}}}}');
}, 120000);
