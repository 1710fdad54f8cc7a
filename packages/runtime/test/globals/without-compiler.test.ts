/**
 * @hermetic/runtime without a compiler (the browser / strict-CSP build):
 * every text-taking evaluator throws the documented EvalError, while
 * everything that needs no string evaluation keeps working (items 30, 36).
 */
import { Compartment, Evaluators, Global, ModuleSource, hermeticEval, runScriptRecord, spawn } from '@hermetic/runtime';
import type { ModuleHandle, ScriptHandle, ScriptRecord } from '@hermetic/runtime';

type Bag = Record<PropertyKey, unknown>;

const precompile = /Precompile the code/;

/** A hand-written format-1 record of `export const seen = marker;` (marker is a free global). */
function recordReadingMarker() {
  return {
    format: 1 as const,
    bindings: [{ export: 'seen' }],
    globals: ['marker'],
    functor: function* ($h: ModuleHandle) {
      yield [[], { seen: () => seen }, []] as [Array<(v: unknown) => void>, Record<string, () => unknown>, string[]];
      const seen = ($h.g as Bag).marker;
      $h.x(void 0, 'seen');
    },
  };
}

describe('without a compiler', () => {
  test('Evaluators eval and Function throw the EvalError that says to precompile (item 30)', () => {
    const evaluators = new Evaluators({ globalThis: {} });
    expect(() => evaluators.eval('1 + 1')).toThrow(EvalError);
    expect(() => evaluators.eval('1 + 1')).toThrow(precompile);
    expect(() => evaluators.Function('return 1')).toThrow(EvalError);
    // Non-strings are returned unchanged, as by the built-in eval: no compiling needed.
    const value = { not: 'a string' };
    expect(evaluators.eval(value)).toBe(value);
  });

  test("a Global's eval and Function throw the EvalError; the Global itself is built (items 31, 32)", () => {
    const g = new Global() as Bag;
    expect(() => (g.eval as (s: string) => unknown)('x')).toThrow(EvalError);
    expect(() => new (g.Function as new (...a: string[]) => unknown)('return 1')).toThrow(EvalError);
    expect(g.globalThis).toBe(g);
    expect(g.Object).toBe(Object);
  });

  test('g.import(source) runs a precompiled record against g without any compiler (item 36)', async () => {
    const g = new Global() as Bag;
    g.marker = 'from g';
    const source = new ModuleSource(recordReadingMarker());
    const namespace = (await (g.import as (s: unknown) => Promise<Bag>)(source)) as Bag;
    expect(namespace.seen).toBe('from g');
    // The global's module map: importing the same source again gives the same namespace.
    expect(await (g.import as (s: unknown) => Promise<Bag>)(source)).toBe(namespace);
    // Another global instantiates the same source separately.
    const other = new Global() as Bag;
    other.marker = 'from other';
    expect(((await (other.import as (s: unknown) => Promise<Bag>)(source)) as Bag).seen).toBe('from other');
  });

  test('hermeticEval and sandbox eval throw the EvalError (items 47, 48)', () => {
    expect(() => hermeticEval('1')).toThrow(EvalError);
    const sandbox = spawn();
    expect(() => (sandbox.globalThis.eval as (s: string) => unknown)('1')).toThrow(EvalError);
    expect(() => (sandbox.globalThis.eval as (s: string) => unknown)('1')).toThrow(precompile);
  });

  test('Compartment evaluate, its eval and Function throw the EvalError; its modules still link records (item 41)', async () => {
    const c = new Compartment({ globals: { marker: 'from c' }, modules: { m: { source: new ModuleSource(recordReadingMarker()) } } });
    expect(() => c.evaluate('1')).toThrow(EvalError);
    expect(() => c.evaluate('1')).toThrow(precompile);
    expect(() => (c.globalThis as { eval(s: string): unknown }).eval('1')).toThrow(precompile);
    expect(() => (c.globalThis as { Function(s: string): unknown }).Function('return 1')).toThrow(EvalError);
    expect(((await c.import('m')) as Bag).seen).toBe('from c');
  });

  test('runScriptRecord runs a precompiled script record against a global without any compiler (item 35)', async () => {
    const g = new Global() as Bag;
    g.marker = 'from g';
    // var v = marker; let l = 1; import("m")
    const script: ScriptRecord = {
      format: 1,
      strict: false,
      varNames: ['v'],
      functionNames: [],
      lexicalNames: ['l'],
      globals: ['marker'],
      functor($h: ScriptHandle) {
        const $hg = $h.g as Bag;
        $hg.v = $hg.marker;
        $h.l('l', 1);
        return $h.i('m');
      },
    };
    const imported: string[] = [];
    const completion = runScriptRecord(
      { globalThis: g, importHook: (specifier) => (imported.push(specifier), new ModuleSource(recordReadingMarker())) },
      script,
    ) as Promise<Bag>;
    expect(g.v).toBe('from g');
    expect(Object.getOwnPropertyDescriptor(g, 'v')).toMatchObject({ configurable: false, enumerable: true });
    expect('l' in g).toBe(false);
    // import() with only hooks given: the environment's own module map, filled on first use.
    expect((await completion).seen).toBe('from g');
    expect(imported).toEqual(['m']);
    // The lexical binding is the global's: a later script cannot redeclare it.
    const again = { ...script, varNames: [], lexicalNames: ['l'], globals: [], functor: () => 0 };
    expect(() => runScriptRecord({ globalThis: g }, again)).toThrow(SyntaxError);
  });
});
