/**
 * @hermetic/babel-preset: Babel output shape, and the jest-fresh-global
 * example run by the real babel-jest in a child Jest process.
 */
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { transformSync } from '@babel/core';
import hermeticPreset from '@hermetic/babel-preset';

const repo = resolve(__dirname, '..', '..', '..');

test('an ES module becomes a CommonJS registration of its record: no import/export left, dependencies required', () => {
  const result = transformSync(
    `import { a } from './a.js';\nexport const b = a + 1;\nexport default function f() { return b; }\n`,
    { filename: '/app/src/b.js', configFile: false, babelrc: false, presets: [hermeticPreset] },
  );
  const code = result!.code!;
  expect(code).toContain('hermeticModule(__filename');
  expect(code).toContain('require.resolve("./a.js")');
  expect(code).toContain('require("./a.js")');
  expect(code).toContain('format: 2');
  expect(code).not.toMatch(/^\s*(import|export)\s/m);
});

test('TypeScript is compiled after @babel/preset-typescript has stripped the types', () => {
  const result = transformSync(
    `import type { T } from './t.js';\nexport const n: number = 1;\nexport function id<X>(x: X): X { return x; }\n`,
    { filename: '/app/src/n.ts', configFile: false, babelrc: false, presets: ['@babel/preset-typescript', hermeticPreset] },
  );
  const code = result!.code!;
  expect(code).toContain('hermeticModule(__filename');
  expect(code).not.toContain(': number');
  // A type-only import is not a module request.
  expect(code).not.toContain('./t.js');
});

test('examples/jest-fresh-global passes under babel-jest: a fresh global per test file', async () => {
  const output = await new Promise<string>((done, fail) => {
    execFile(
      process.execPath,
      // --no-cache: babel-jest's cache key does not cover the preset's own code, so a cache from an older
      // compiler would be used as it is (see the example's README).
      [join(repo, 'node_modules/jest/bin/jest.js'), '--config', join(repo, 'examples/jest-fresh-global/jest.config.cjs'), '--json', '--ci', '--no-cache'],
      { cwd: join(repo, 'examples/jest-fresh-global'), maxBuffer: 1 << 24, timeout: 120000 },
      (error, stdout, stderr) => (error && !stdout ? fail(new Error(stderr)) : done(stdout)),
    );
  });
  const report = JSON.parse(output) as { numPassedTests: number; numFailedTests: number; testResults: Array<{ message: string }> };
  expect(report.testResults.map((r) => r.message).filter(Boolean)).toEqual([]);
  expect(report.numFailedTests).toBe(0);
  expect(report.numPassedTests).toBe(7);
});
