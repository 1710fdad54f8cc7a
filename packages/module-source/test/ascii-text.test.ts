import { readFileSync } from 'node:fs';
import path from 'node:path';
import { compileModule } from '../src/index.js';
import { runCompiled, runNative } from './support/differential.js';

const nonAscii = /[^\x00-\x7f]/;

// Values a module can observe: string values, untagged and tagged templates (raw
// text), regular expression sources, function text, export names with
// non-ASCII units, identity escapes and line continuations.
const SOURCE = [
  '// × a comment with non-ASCII: é π 😀',
  '/* block — comment */',
  "import { 'ü-name' as u } from './dep.js';",
  'const tag = (strings, ...values) => strings.raw.join("|") + "#" + strings.join("|") + values.join(",");',
  'export const result = [',
  '  "é\\é\\u00e9😀", \'ß\', `x${1}é\\é`,',
  '  tag`é${2}ü\\é`, String.raw`ñ`,',
  '  /é+/u.source, /[à-ù]/.test("è"),',
  '  u, "a\\\u2028b".length, "a\u2028b".length,',
  '  (function () { /* ☃ */ return "✓"; })(),',
  '];',
].join('\n');
const DEP = "const v = 'dep ★'; export { v as 'ü-name' };";

describe('record text stays ASCII where that changes no value', () => {
  test('non-ASCII in comments, string literals and untagged templates is escaped; values match native Node', async () => {
    const { code } = compileModule(SOURCE, { specifier: 'entry.js' });
    // What must stay: tagged template text (raw is observable), regular expressions, line terminators.
    const remaining = [...code].filter((ch) => nonAscii.test(ch)).join('');
    expect(remaining).toBe('éüéñéàù\u2028\u2028');
    expect(code).toContain('// \\u00d7 a comment');
    expect(code).toContain('"\\u00e9\\u00e9\\u00e9\\ud83d\\ude00"');
    const files = { 'entry.js': SOURCE, 'dep.js': DEP };
    const native = await runNative(files, 'entry.js');
    const compiled = await runCompiled(files, 'entry.js');
    expect(native.ok).toBe(true);
    expect(compiled).toEqual(native);
  });

  test('the record of a module whose only non-ASCII text is comments and strings is ASCII (three.js core)', () => {
    const text = readFileSync(path.resolve(__dirname, '../../../node_modules/three/build/three.core.js'), 'utf8');
    expect(nonAscii.test(text)).toBe(true);
    const { code } = compileModule(text, { specifier: 'three.core.js', format: 'expression' });
    expect(nonAscii.test(code)).toBe(false);
    // Lines are kept: every line of the source is the same line of the record (the suffix adds one).
    expect(code.split('\n').length).toBe(text.split('\n').length + 1);
  });

  test('export names and specifiers in the record header are escaped too, with the same values', () => {
    const { code, bindings } = compileModule(`import d from './é.js'; export { d as "ü" };`, { specifier: 'm.js' });
    expect(nonAscii.test(code)).toBe(false);
    expect(bindings).toEqual([{ import: 'default', as: 'd', from: './é.js' }, { export: 'd', as: 'ü' }]);
    expect(code).toContain('from:"./\\u00e9.js"');
  });

  test('a source map is still produced and the text is identical with and without one', () => {
    const withMap = compileModule(SOURCE, { specifier: 'entry.js', sourceMap: true });
    expect(withMap.code).toBe(compileModule(SOURCE, { specifier: 'entry.js' }).code);
    expect(withMap.map?.sourcesContent?.[0]).toBe(SOURCE);
  });
});
