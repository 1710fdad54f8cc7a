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
