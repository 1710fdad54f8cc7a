/**
 * A built-in granted member by member (LavaMoat's `"fs.readFileSync": true`)
 * gives those members only, to `require` and to ES imports alike: the package
 * reads its file but cannot write one, where a whole-module grant (the
 * control) writes it. Runs the built CLI (`npm run build` first).
 */
import { execFile } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createFixtureApp, REPO_ROOT, type FixtureApp } from '../../test-fixtures/packages/fixture-app.js';

const cli = join(REPO_ROOT, 'packages/hermetic/dist/cli.js');

const files = {
  'node_modules/cjs-reader/package.json': JSON.stringify({ name: 'cjs-reader', version: '1.0.0', main: 'index.js' }),
  'node_modules/cjs-reader/index.js': [
    "const fs = require('fs');",
    'exports.probe = (file) => {',
    "  const read = fs.readFileSync(file, 'utf8');",
    "  let wrote = 'no';",
    "  try { fs.writeFileSync(file + '.cjs-written', 'x'); wrote = 'yes'; } catch (error) { wrote = error.name; }",
    '  return { read, wrote, keys: Object.keys(fs) };',
    '};',
    '',
  ].join('\n'),
  'node_modules/esm-reader/package.json': JSON.stringify({ name: 'esm-reader', version: '1.0.0', type: 'module', main: 'index.js' }),
  'node_modules/esm-reader/index.js': [
    "import fs, { readFileSync } from 'node:fs';",
    'export const probe = (file) => {',
    "  let wrote = 'no';",
    "  try { fs.writeFileSync(file + '.esm-written', 'x'); wrote = 'yes'; } catch (error) { wrote = error.name; }",
    "  return { read: readFileSync(file, 'utf8'), wrote, keys: Object.keys(fs) };",
    '};',
    '',
  ].join('\n'),
  'src/main.js': [
    "import { probe as cjs } from 'cjs-reader';",
    "import { probe as esm } from 'esm-reader';",
    "const file = process.cwd() + '/data.txt';",
    'console.log(JSON.stringify({ cjs: cjs(file), esm: esm(file) }));',
    '',
  ].join('\n'),
  'data.txt': 'hello',
};

const apps: FixtureApp[] = [];
afterAll(() => apps.forEach((app) => app.remove()));

function run(grant: Record<string, boolean>): Promise<{ app: FixtureApp; stdout: string; stderr: string }> {
  const app = createFixtureApp({ name: 'builtin-members', files: { ...files, 'package.json': JSON.stringify({ name: 'builtin-members', type: 'module', dependencies: { 'cjs-reader': '*', 'esm-reader': '*' } }) } });
  apps.push(app);
  const policy = { resources: { 'cjs-reader': { builtin: grant }, 'esm-reader': { builtin: grant } } };
  writeFileSync(join(app.dir, 'policy.json'), JSON.stringify(policy));
  return new Promise((done, fail) => {
    execFile(process.execPath, [cli, 'run', 'src/main.js', '--policy', 'policy.json'], { cwd: app.dir, timeout: 120000 }, (error, stdout, stderr) => {
      if (error !== null) fail(new Error(`${error.message}\n${stderr}`));
      else done({ app, stdout, stderr });
    });
  });
}

const last = (stdout: string): Record<string, { read: string; wrote: string; keys: string[] }> => JSON.parse(stdout.trim().split('\n').pop() ?? '');

test('"fs.readFileSync" gives readFileSync and nothing else, to require and import alike', async () => {
  const { app, stdout } = await run({ 'fs.readFileSync': true });
  const result = last(stdout);
  for (const kind of ['cjs', 'esm'] as const) {
    expect(result[kind].read).toBe('hello');
    expect(result[kind].wrote).toBe('TypeError');
    expect(result[kind].keys).toEqual(['readFileSync']);
  }
  expect(existsSync(join(app.dir, 'data.txt.cjs-written'))).toBe(false);
  expect(existsSync(join(app.dir, 'data.txt.esm-written'))).toBe(false);
}, 180000);

test('control: a grant of the whole module writes the file', async () => {
  const { app, stdout } = await run({ fs: true });
  const result = last(stdout);
  expect(result.cjs.wrote).toBe('yes');
  expect(result.esm.wrote).toBe('yes');
  expect(existsSync(join(app.dir, 'data.txt.cjs-written'))).toBe(true);
}, 180000);
