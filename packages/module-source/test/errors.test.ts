import { compileModule, compileScript } from '../src/index.js';

function syntaxErrorOf(run: () => unknown): SyntaxError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SyntaxError);
    return error as SyntaxError;
  }
  throw new Error('expected a SyntaxError');
}

describe('parse and early errors are SyntaxErrors naming file:line:column (CONFORMANCE 1)', () => {
  test('parse error with a code frame', () => {
    const error = syntaxErrorOf(() => compileModule('const a = 1;\nconst b = ;\n', { specifier: 'pkg/broken.js' }));
    expect(error.message).toContain('pkg/broken.js:2:11');
    expect(error.message).toContain('> 2 | const b = ;');
    expect(error.message).toMatch(/\^/);
  });

  test.each([
    ['duplicate export names', 'let a, b; export { a as x, b as x };'],
    ['duplicate export between declaration and specifier', 'export let a; let b; export { b as a };'],
    ['duplicate string export names', 'let a, b; export { a as "q" }; export { b as "q" };'],
    ['duplicate default export', 'export default 1; export default 2;'],
    ['duplicate export through export * as', "export * as ns from 'm'; let x; export { x as ns };"],
    ['exporting an undeclared name', 'export { nope };'],
    ['exporting a global', 'export { Math };'],
    ['await as an identifier', 'let await = 1;'],
    ['await as a function parameter name', 'function f(await) {}'],
    ['yield as an identifier (strict)', 'let yield = 1;'],
    ['with in a module', 'with ({}) {}'],
    ['delete of an identifier', 'let x; delete x;'],
    ['duplicate lexical declaration', 'let x; var x;'],
    ['import binding redeclared', "import { a } from 'm'; function a() {}"],
    ['new.target at top level', 'new.target;'],
    ['return at top level', 'return 1;'],
    ['HTML-like comments in modules', 'x\n--> comment'],
    ['octal literal in strict code', 'let n = 017;'],
    ['assignment to eval', 'eval = 1;'],
    ['undefined break label', 'for (;;) { break nowhere; }'],
    ['lone surrogate export name', 'let a; export { a as "\\uD800" };'],
  ])('%s', (_, text) => {
    const error = syntaxErrorOf(() => compileModule(text, { specifier: 'early.js' }));
    expect(error.message).toMatch(/early\.js:\d+:\d+/);
  });

  test('the column is 1-based and points at the offending token', () => {
    const error = syntaxErrorOf(() => compileModule('let x;\n  export { y };', { specifier: 'col.js' }));
    expect(error.message).toContain('col.js:2:12');
  });

  test('script errors name the file too; strict scripts reject sloppy-only syntax', () => {
    expect(syntaxErrorOf(() => compileScript('var = 1', { specifier: 's.js' })).message).toContain('s.js:1:5');
    expect(syntaxErrorOf(() => compileScript('with (o) x;', { specifier: 'w.js', strict: true })).message).toContain('w.js:1:1');
    expect(syntaxErrorOf(() => compileScript('delete x;', { specifier: 'd.js', strict: true })).message).toContain('d.js:1:1');
    expect(() => compileScript('delete x;', { specifier: 'd.js' })).not.toThrow();
  });

  test('a sloppy script using with is rejected with a clear message', () => {
    const error = syntaxErrorOf(() => compileScript('var o = {};\nwith (o) { x; }', { specifier: 'with.js' }));
    expect(error.message).toContain('with.js:2:1');
    expect(error.message).toContain("'with' statements are not supported");
  });

  test('a Function body cannot close its own function early', () => {
    expect(() => compileScript('}); globalThis.pwned = 1; ({', { functionBody: { params: '', kind: 'normal' } })).toThrow(SyntaxError);
    expect(() => compileScript('return 1', { functionBody: { params: ') {}; (function (', kind: 'normal' } })).toThrow(SyntaxError);
  });
});

describe('direct eval', () => {
  test('compiles as an indirect eval and warns with file:line:column', () => {
    const { warnings, code, globals } = compileModule('const a = 1;\n  eval("a");', { specifier: 'ev.js' });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^ev\.js:2:3: direct eval/);
    expect(code).toContain('(0, $hg.eval)("a")');
    expect(globals).toEqual(['eval']);
    expect(compileModule('const e = eval; e("1"); eval?.("1");').warnings).toEqual([]);
    expect(compileScript('eval("x")', { specifier: 'sc.js' }).warnings[0]).toMatch(/^sc\.js:1:1: direct eval/);
  });
});
