/**
 * @hermetic/runtime without a compiler (the browser / strict-CSP build):
 * every text-taking evaluator throws the documented EvalError, while
 * everything that needs no string evaluation keeps working (items 30, 36).
 */
import { Evaluators, Global, ModuleSource, hermeticEval, spawn } from '@hermetic/runtime';
import type { ModuleHandle } from '@hermetic/runtime';

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
});
