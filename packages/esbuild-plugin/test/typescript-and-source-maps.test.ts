/**
 * @hermetic/esbuild-plugin with TypeScript sources, built by the real esbuild
 * in a child process: the bundle runs in Node, stack traces lead back to the
 * .ts lines (esbuild's TypeScript map composed with the compiler's), and a
 * second build is served from the persistent compile cache with identical
 * output.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildInChild } from '../../../tests/browser/support/build-in-child.js';
import { createFixtureApp, type FixtureApp } from '../../../test-fixtures/packages/fixture-app.js';

let app: FixtureApp;
beforeAll(() => {
  app = createFixtureApp({
    name: 'esbuild-ts',
    fixturePackages: ['policy-greeter'],
    dependencies: ['lodash-es'],
    files: {
      'src/main.ts': [
        `import { capitalize } from 'lodash-es';`,
        `import { greet } from 'policy-greeter';`,
        `import { divide, type Ratio } from './math.ts';`,
        ``,
        `const ratio: Ratio = divide(84, 2);`,
        `console.log(capitalize('result') + ': ' + ratio.value);`,
        `console.log(greet('typescript'));`,
        `try {`,
        `  divide(1, 0);`,
        `} catch (error) {`,
        `  console.log((error as Error).stack);`,
        `}`,
        ``,
      ].join('\n'),
      'src/math.ts': [
        `export interface Ratio {`,
        `  value: number;`,
        `}`,
        ``,
        `export function divide(a: number, b: number): Ratio {`,
        `  if (b === 0) {`,
        `    throw new RangeError('division by zero');`,
        `  }`,
        `  return { value: a / b };`,
        `}`,
        ``,
      ].join('\n'),
    },
  });
});
afterAll(() => app.remove());

function runNode(file: string): Promise<string> {
  return new Promise((done, fail) => {
    execFile(process.execPath, ['--enable-source-maps', file], { timeout: 60000 }, (error, stdout, stderr) =>
      error ? fail(new Error(stderr)) : done(stdout));
  });
}

test('a TypeScript app runs with each package in its compartment, and stack traces point at the .ts source', async () => {
  const outDir = join(app.dir, 'dist');
  await buildInChild({ bundler: 'esbuild', appDir: app.dir, entry: 'src/main.ts', outDir, hermetic: true, minify: false });
  const stdout = await runNode(join(outDir, 'main.js'));
  const lines = stdout.split('\n');
  expect(lines[0]).toBe('Result: 42');
  expect(lines[1]).toBe('policy-greeter greets typescript');
  expect(lines[2]).toBe('Hello, typescript!');
  expect(lines[3]).toBe('RangeError: division by zero');
  // Line 7 of math.ts holds the throw; line 9 of main.ts the call.
  expect(lines[4]).toMatch(/src\/math\.ts:7:\d+\)?$/);
  expect(stdout).toMatch(/src\/main\.ts:9:\d+\)?\n/);
}, 120000);

test('the compile cache is filled, and a rebuild from it gives identical output', async () => {
  const cache = join(app.dir, 'node_modules', '.cache', 'hermetic');
  const entries = readdirSync(cache).filter((f) => f.endsWith('.json'));
  expect(entries.length).toBeGreaterThanOrEqual(3);
  const first = readFileSync(join(app.dir, 'dist', 'main.js'), 'utf8');
  const outDir = join(app.dir, 'dist2');
  await buildInChild({ bundler: 'esbuild', appDir: app.dir, entry: 'src/main.ts', outDir, hermetic: true, minify: false });
  expect(readdirSync(cache).filter((f) => f.endsWith('.json'))).toHaveLength(entries.length);
  expect(readFileSync(join(outDir, 'main.js'), 'utf8').replace(/dist2/g, 'dist')).toBe(first);
  void resolve;
}, 120000);
