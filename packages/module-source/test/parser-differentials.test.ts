/**
 * Code that Babel (the compiler's parser) and a bundler's parser read
 * differently: the compiler rewrites what Babel saw, the bundler runs what it
 * saw. Each sample is first shown to be real against the real bundler
 * (esbuild's transform in this process; Rolldown, Vite 8's bundler, in a
 * child process): text Babel reads as a comment, a string or a template runs
 * as code there and reaches the real global. Then the compiler must reject it
 * with a SyntaxError naming file, line and column. Last, module code that
 * esbuild's IIFE output runs sloppy (a receiverless call's `this` is the
 * host's global) and the compiler's `sloppyOutput` answer to it.
 */
import { execFileSync } from 'node:child_process';
import vm from 'node:vm';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileCommonJS, compileModuleInPlace } from '../src/index.js';
import { isEsModule } from '../../bundler-core/src/module-kind.js';

const here = dirname(fileURLToPath(import.meta.url));
const requireHere = createRequire(import.meta.url);
const esbuild = requireHere('esbuild') as typeof import('esbuild');
const { parse } = requireHere('@babel/parser') as typeof import('@babel/parser');

/** The ES module Rolldown makes of `text` (a file of its own), in a child process. */
function rolldownBundle(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'hermetic-differential-'));
  try {
    const entry = join(dir, 'index.js');
    writeFileSync(entry, text);
    return execFileSync(process.execPath, [join(here, 'support', 'rolldown-bundle.mjs'), entry], { encoding: 'utf8', timeout: 60000 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs Rolldown's output (an ES module whose default export is the CommonJS `module.exports`) and returns that export. */
async function runBundle(code: string): Promise<Record<string, unknown>> {
  const url = `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`;
  return ((await import(url)) as { default: Record<string, unknown> }).default;
}

/** True when Babel's reading of `text` has an identifier `globalThis` anywhere (what the compiler would rewrite). */
function babelSeesGlobalThis(text: string, sourceType: 'script' | 'module'): boolean {
  const seen = (node: unknown): boolean => {
    if (node === null || typeof node !== 'object') return false;
    if (Array.isArray(node)) return node.some(seen);
    const record = node as Record<string, unknown>;
    if (record.type === 'Identifier' && record.name === 'globalThis') return true;
    return Object.entries(record).some(([key, value]) => key !== 'loc' && seen(value));
  };
  return seen(parse(text, { sourceType, allowReturnOutsideFunction: sourceType === 'script' }).program);
}

const HTML_COMMENT = /an HTML-like comment \(`<!--`\) is read differently by Babel and by bundlers' parsers .*Hermetic cannot confine this code; remove it \(pkg\/index\.js:(\d+):(\d+)\)/;
const HTML_CLOSE_COMMENT = /an HTML-like comment \(`-->` at the start of a line\) is read differently by Babel and by bundlers' parsers .*remove it \(pkg\/index\.js:(\d+):(\d+)\)/;

describe('HTML-like comments', () => {
  // Babel reads `<!--` in a script (CommonJS) as a comment; Rolldown reads `a < !--b; …` as code.
  const openComment = 'var a = 1, b = 1;\nmodule.exports = a <!--b; module.exports = { leak: globalThis };';

  test('in CommonJS, Babel reads `<!--` as a comment and Rolldown as code that reaches the real global', async () => {
    expect(babelSeesGlobalThis(openComment, 'script')).toBe(false);
    const bundled = await runBundle(rolldownBundle(openComment));
    expect(bundled.leak).toBe(globalThis);
  });

  test('compileCommonJS rejects `<!--` naming file, line and column', () => {
    expect(() => compileCommonJS(openComment, { specifier: 'pkg/index.js' })).toThrow(SyntaxError);
    expect(() => compileCommonJS(openComment, { specifier: 'pkg/index.js' })).toThrow(expect.objectContaining({ message: expect.stringMatching(HTML_COMMENT) }));
    expect(() => compileCommonJS(openComment, { specifier: 'pkg/index.js' })).toThrow('(pkg/index.js:2:20)');
  });

  // Babel reads `<!--` in a module as `< ! --`; esbuild reads it as a comment in a file it takes for CommonJS.
  // Hermetic takes this file for an ES module (by its text: a line starting with `export default`, here in a
  // template), esbuild for CommonJS (no import or export, and no scope prelude as Babel sees no free name), so
  // text Babel takes for a template runs as code.
  const moduleSample = 'let a = 1, b = 1;\nlet x = a <!--b + `\nglobalThis.leak = globalThis;\n//`;\nconst doc = `\nexport default 1`;';

  test('in a file Hermetic compiles as an ES module, Babel reads `<!--` as code and esbuild as a comment, so text Babel takes for a template runs', () => {
    expect(isEsModule('pkg/index.js', 'commonjs', moduleSample)).toBe(true);
    expect(babelSeesGlobalThis(moduleSample, 'module')).toBe(false);
    const { code } = esbuild.transformSync(moduleSample, { loader: 'js', logLevel: 'silent' });
    try {
      new Function(code)();
      expect((globalThis as { leak?: unknown }).leak).toBe(globalThis);
    } finally {
      delete (globalThis as { leak?: unknown }).leak;
    }
  });

  test('compileModuleInPlace rejects `<!--` naming file, line and column', () => {
    expect(() => compileModuleInPlace(moduleSample, { specifier: 'pkg/index.js' })).toThrow(expect.objectContaining({ message: expect.stringMatching(HTML_COMMENT) }));
    expect(() => compileModuleInPlace(moduleSample, { specifier: 'pkg/index.js' })).toThrow('(pkg/index.js:2:11)');
  });

  const closeComment = 'module.exports = 1\n--> ; module.exports = globalThis';

  test('in CommonJS, `-->` at the start of a line is a comment to Babel; esbuild agrees, Rollup and Rolldown refuse it: rejected', () => {
    expect(babelSeesGlobalThis(closeComment, 'script')).toBe(false);
    expect(() => compileCommonJS(closeComment, { specifier: 'pkg/index.js' })).toThrow(expect.objectContaining({ message: expect.stringMatching(HTML_CLOSE_COMMENT) }));
    expect(() => compileCommonJS(closeComment, { specifier: 'pkg/index.js' })).toThrow(/index\.js:2:1\)/);
  });

  test.each([
    ['after a multi-line comment ending on its line', 'x = 1 /*\n*/ --> y'],
    ['after a comment holding U+2028', 'x = 1 /*\u2028*/ --> y'],
    ['after U+2028', 'x = 1\u2028--> y'],
    ['after CR', 'x = 1\r--> y'],
    ['at the start of the text', '--> y'],
    ['after a byte-order mark', '\uFEFF--> y'],
    ['after white space', 'x = 1;\n\u00a0 --> y'],
    ['after a one-line comment at the start of a line', 'x = 1\n/* a */ /* b */ --> y'],
  ])('in CommonJS, `-->` %s is rejected', (_name, text) => {
    expect(() => compileCommonJS(text, { specifier: 'pkg/index.js' })).toThrow(expect.objectContaining({ message: expect.stringMatching(HTML_CLOSE_COMMENT) }));
  });

  test.each([
    ['at the start of a line', 'export const x = 1\n--> y', '2:1'],
    ['after a multi-line comment ending on its line', 'export const x = 1 /*\n*/ --> y', '2:4'],
  ])('in an ES module, `-->` %s is rejected by name, not as "Unexpected token"', (_name, text, place) => {
    expect(() => compileModuleInPlace(text, { specifier: 'pkg/index.js' })).toThrow(expect.objectContaining({ message: expect.stringMatching(HTML_CLOSE_COMMENT) }));
    expect(() => compileModuleInPlace(text, { specifier: 'pkg/index.js' })).toThrow(`(pkg/index.js:${place})`);
  });

  test.each([
    ['a string', 'x = "a <!--b" + \'-->\''],
    ['a template', 'x = `a <!--b ${c} <!--\n--> d`'],
    ['a regular expression', 'x = /<!--/.test(s) + /-->/.test(s)'],
    ['a comment', 'x = 1 /* <!-- */ // <!--\n/* --> */'],
    ['`x-- > y` written without spaces', 'x-->y; while (n-->0) f()'],
    ['`<!--` in a line comment on the first line', '// <!-- -->\ny'],
  ])('%s is not an HTML-like comment', (_name, text) => {
    expect(() => compileCommonJS(text, { specifier: 'pkg/index.js' })).not.toThrow();
    expect(() => compileModuleInPlace(text, { specifier: 'pkg/index.js' })).not.toThrow();
  });
});

describe('`await` as a name in CommonJS', () => {
  // Babel reads a script's top-level `await` as a variable; esbuild and Rolldown as an await expression,
  // so `await / 1; "/ …` is a division and a string to Babel and a regular expression then code to them.
  const sample = 'var r = await / 1; var s = "/ ; exports.leak = globalThis; //";';

  test('Babel reads a division and a string; esbuild a regular expression followed by code that reaches the real global', async () => {
    expect(babelSeesGlobalThis(sample, 'script')).toBe(false);
    const { code } = esbuild.transformSync(sample, { loader: 'js', format: 'esm', logLevel: 'silent' });
    expect(babelSeesGlobalThis(code, 'module')).toBe(true);
    const bundled = await runBundle(rolldownBundle(sample));
    expect(bundled.leak).toBe(globalThis);
  });

  test('compileCommonJS rejects it naming file, line and column', () => {
    expect(() => compileCommonJS(sample, { specifier: 'pkg/index.js' })).toThrow(
      expect.objectContaining({ message: expect.stringMatching(/`await` as a name in CommonJS code is read as an await expression by bundlers' parsers .* \(pkg\/index\.js:1:9\)/) }),
    );
    expect(() => compileCommonJS('function f() { return await; }', { specifier: 'pkg/index.js' })).toThrow(SyntaxError);
  });

  test('`await` as a property name stays allowed', () => {
    expect(() => compileCommonJS('module.exports = { await: 1 }; x.await = 2; class C { await() {} }', { specifier: 'pkg/index.js' })).not.toThrow();
  });
});

describe('module code that a bundler runs sloppy (esbuild IIFE output)', () => {
  // esbuild's IIFE output drops module strictness, so a receiverless call's `this` is the host's global.
  const attacker = [
    'export const seen = [',
    '  (function () { return this; })(),',
    '  (function () { return (() => this)(); })(),',
    '  ({ m() { return this; } }).m.call(undefined),',
    "  (function () { 'use strict'; return this; })(),",
    '  new (class { m() { return (function () { return this; })(); } })().m(),',
    '];',
    '',
  ].join('\n');

  /** Bundles `entry` (compiled or not) with esbuild into an IIFE and runs it in a fresh context; returns what `seen` held, as names. */
  async function runAsIife(entry: string): Promise<string[]> {
    const result = await esbuild.build({
      stdin: { contents: 'import { seen } from "attacker"; globalThis.report(seen);', loader: 'js', resolveDir: here },
      bundle: true, write: false, format: 'iife', logLevel: 'silent',
      plugins: [{
        name: 'fixture',
        setup(build) {
          build.onResolve({ filter: /^(attacker|scope)$/ }, (args) => ({ path: args.path, namespace: 'fixture' }));
          build.onLoad({ filter: /.*/, namespace: 'fixture' }, (args) => ({
            loader: 'js',
            contents: args.path === 'attacker'
              ? entry
              : 'const own = { own: true };\nexport const g = new Proxy({}, { get() { throw new ReferenceError("no globals here"); } });\nexport const w = (v) => (v === globalThis ? own : v);\n',
          }));
        },
      }],
    });
    const context = vm.createContext({});
    let seen: unknown[] = [];
    context.report = (value: unknown[]) => { seen = value; };
    vm.runInContext(result.outputFiles[0].text, context);
    const host = vm.runInContext('globalThis', context) as object;
    return seen.map((value) => (value === host ? 'host global' : value === undefined ? 'undefined' : (value as { own?: boolean }).own ? 'package global' : typeof value));
  }

  const prelude = ({ prefix, uses }: { prefix: string; uses: string[] }): string =>
    uses.length === 0 ? '' : `import { ${uses.map((u) => `${u} as ${prefix}${u}`).join(', ')} } from "scope";`;

  test('compiled as plain module code, receiverless functions see the host global in the IIFE (the differential is real)', async () => {
    const { code } = compileModuleInPlace(attacker, { specifier: 'pkg/index.js', scopePrelude: prelude });
    expect(await runAsIife(code)).toEqual(['host global', 'host global', 'host global', 'undefined', 'undefined']);
  });

  test('with sloppyOutput, `this` of functions strict only as module code goes through $hw: the package global, never the host', async () => {
    const { code } = compileModuleInPlace(attacker, { specifier: 'pkg/index.js', scopePrelude: prelude, sloppyOutput: true });
    expect(await runAsIife(code)).toEqual(['package global', 'package global', 'package global', 'undefined', 'undefined']);
  });

  test('with sloppyOutput the rewrite is `$hw(this)`, which leaves an undefined `this` (strict output) undefined', async () => {
    const { code } = compileModuleInPlace('export const seen = (function () { return this; })();', { specifier: 'pkg/index.js', sloppyOutput: true });
    expect(code).toBe('export const seen = (function () { return $hw(this); })();');
  });
});
