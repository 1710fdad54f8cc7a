/**
 * Hardened deployments (issue 3, point 5): after SES lockdown() has frozen
 * the shared intrinsics, linking, namespaces, top-level await and frozen
 * compartment globals still work. lockdown() would freeze Jest's own realm,
 * so it runs in a child Node process against the runtime compiled to a
 * temp dir, with records compiled ahead of time here.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { compileModule } from '@hermetic/module-source';

const repo = path.resolve(__dirname, '../../../..');

const sources: Record<string, string> = {
  main: `import { a, readB } from './a.js'; import './tla.js'; import * as star from './star.js'; log.push('main', a, readB(), Object.keys(star).join()); export const value = a + '+' + readB();`,
  a: `import { b } from './b.js'; export let a = 'A'; export function readB() { return b; } log.push('a');`,
  b: `import { a, readB } from './a.js'; log.push('b', typeof readB); export let b = 'B';`,
  tla: `log.push('tla:start'); await Promise.resolve(); log.push('tla:end');`,
  star: `export * from './x.js'; export * from './y.js';`,
  x: `export const shared = 1, onlyX = 1; export default 'x';`,
  y: `export const shared = 2, onlyY = 2;`,
  globals: `let missing; try { missing = notThere; } catch (e) { missing = e.constructor.name; }
    export const result = [tag, Math.max(1, 2), typeof notThere, missing, (() => { try { tag = 'x'; return 'no throw'; } catch (e) { return e.constructor.name; } })()];`,
};

test('linking still works after SES lockdown() with frozen intrinsics (issue 3 point 5; items 14, 15, 18, 19, 23, 24, 26, 40)', () => {
  const build = mkdtempSync(path.join(tmpdir(), 'hermetic-runtime-build-'));
  execFileSync(
    process.execPath,
    [path.join(repo, 'node_modules/typescript/bin/tsc'), '-p', path.join(repo, 'packages/runtime/tsconfig.json'), '--outDir', build,
      '--composite', 'false', '--declaration', 'false', '--declarationMap', 'false', '--sourceMap', 'false', '--tsBuildInfoFile', path.join(build, '.tsbuildinfo')],
    { stdio: 'pipe' },
  );
  writeFileSync(path.join(build, 'package.json'), '{"type":"module"}');
  const records = mkdtempSync(path.join(tmpdir(), 'hermetic-records-'));
  for (const [name, text] of Object.entries(sources)) writeFileSync(path.join(records, `${name}.mjs`), compileModule(text, { specifier: `${name}.js` }).code);
  const stdout = execFileSync(
    process.execPath,
    [path.join(__dirname, 'lockdown-child.mjs'), path.join(build, 'index.js'), require.resolve('ses'), records],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const out = JSON.parse(stdout);
  expect(out).toEqual({
    frozenIntrinsics: true,
    main: {
      keys: ['value', 'Symbol(Symbol.toStringTag)'],
      value: 'A+B',
      log: ['b', 'function', 'a', 'tla:start', 'tla:end', 'main', 'A', 'B', 'onlyX,onlyY'],
    },
    namespaceWrite: 'TypeError',
    frozenGlobal: { frozen: true, result: ['frozen', 2, 'undefined', 'ReferenceError', 'TypeError'] },
    star: ['onlyX', 'onlyY'],
    moduleToStringTag: '[object Module]',
    hardenedStillWorks: true,
    virtualImportWrite: 'TypeError',
    virtual: 2,
    cachedError: true,
  });
});
