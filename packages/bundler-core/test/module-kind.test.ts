/**
 * ESM vs CommonJS detection decides which files become records, so both
 * sides (importer and imported) must agree with what Node would do.
 */
import { isEsModule } from '@hermetic/bundler-core';

test('CommonJS text that mentions exports, import() or "import" in strings is CommonJS', () => {
  const cjs = [
    `'use strict';\nexports.Children = 1;\nexports.default = 2;`,
    `module.exports = require('./x');\nconst p = import('./lazy.js');`,
    `var s = "import x from 'y'";`,
    `exports.x = 1;\n  exports\n.y = 2;`,
  ];
  for (const code of cjs) expect(isEsModule('/p/index.js', 'commonjs', code)).toBe(false);
});

test('import/export statements, import.meta and extensions make an ES module', () => {
  const esm = [
    `import x from 'y';`,
    `import{a}from"b"`,
    `import 'side-effect';`,
    `const a = 1; export { a };`,
    `export default 1;`,
    `export const a = 1;`,
    `export * from './x.js';`,
    `console.log(import.meta.url);`,
  ];
  for (const code of esm) expect(isEsModule('/p/index.js', 'commonjs', code)).toBe(true);
  expect(isEsModule('/p/index.mjs', 'commonjs', 'exports.a = 1')).toBe(true);
  expect(isEsModule('/p/index.cjs', 'module', 'export default 1')).toBe(false);
  expect(isEsModule('/p/index.js', 'module', 'exports.a = 1')).toBe(true);
});

// The detection's first form: one pattern tried at every position. The scan that replaced it for speed
// must decide every text the same way.
const STATEMENT_PATTERN = /(?:^|[\n;}])\s*(?:import\s*[{*"']|import\s+[\w$]|export\s*[{*]|export\s+(?:default|const|let|var|function|class|async)\b)/;
const byPattern = (code: string): boolean => STATEMENT_PATTERN.test(code) || /\bimport\.meta\b/.test(code);

test('the keyword scan decides like the statement pattern, on edge cases and on real packages', () => {
  const cases = [
    `a}export default 1`, `a;import x from 'y'`, `a; \t import x from 'y'`, `a\n\t\timport 'x'`, `a)import x from 'y'`,
    `a.import x`, `\u00a0import x from 'y'`, `x=1 export default 2`, `export`, `import`, `exported = 1`, `importer = 2`,
    `/* } */export{a}`, `a;export*from"b"`, `a;export async function f(){}`, `a;export asyncx`, `  export class A {}`,
  ];
  for (const code of cases) expect([code, isEsModule('/p/index.js', 'commonjs', code)]).toEqual([code, byPattern(code)]);
  const { readdirSync, readFileSync } = require('node:fs') as typeof import('node:fs');
  const { join } = require('node:path') as typeof import('node:path');
  let files = 0;
  for (const pkg of ['react/cjs', 'react-dom/cjs', 'scheduler/cjs', 'lodash-es', 'preact/dist', 'preact/hooks/dist']) {
    const dir = join(__dirname, '../../../node_modules', pkg);
    for (const name of readdirSync(dir).filter((n) => /\.[mc]?js$/.test(n)).slice(0, 200)) {
      const code = readFileSync(join(dir, name), 'utf8');
      expect([name, isEsModule('/p/index.js', 'commonjs', code)]).toEqual([name, byPattern(code)]);
      files += 1;
    }
  }
  expect(files).toBeGreaterThan(250);
});
