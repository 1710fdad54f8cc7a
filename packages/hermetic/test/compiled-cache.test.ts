/**
 * The compile cache of the Node entry: bounded, keyed by everything that
 * changes the output, and transparent (a cached record behaves like a fresh one).
 */
import { CompiledCache } from '../src/compiled-cache';
import { Global, spawn } from 'hermetic';

type GlobalObject = Record<string, unknown> & { eval: (s: string) => unknown; Function: (...a: string[]) => () => unknown };

describe('CompiledCache', () => {
  test('computes once per key and evicts the oldest entry beyond capacity', () => {
    const cache = new CompiledCache<number>(2);
    let computed = 0;
    const compute = () => ++computed;
    expect(cache.get('a', compute)).toBe(1);
    expect(cache.get('a', compute)).toBe(1);
    expect(cache.get('b', compute)).toBe(2);
    expect(cache.get('c', compute)).toBe(3);
    expect(cache.get('b', compute)).toBe(2);
    expect(cache.get('a', compute)).toBe(4);
  });

  test('a cached script record declares and runs afresh in every global', () => {
    const first = new Global() as unknown as GlobalObject;
    const second = new Global() as unknown as GlobalObject;
    const script = 'var counter = (typeof counter === "number" ? counter : 0) + 1; let once = counter; once';
    expect(first.eval(script)).toBe(1);
    expect(second.eval(script)).toBe(1);
    expect(() => first.eval(script)).toThrow(SyntaxError);
    expect(first.counter).toBe(1);
    expect(second.counter).toBe(1);
  });

  test('strict and sloppy compilations of the same text are cached apart', () => {
    const text = 'implicitlyCreated = 1';
    const sloppyGlobal = new Global() as unknown as GlobalObject;
    sloppyGlobal.eval(text);
    expect(sloppyGlobal.implicitlyCreated).toBe(1);
    const strictGlobal = spawn(undefined, 'strict').globalThis as GlobalObject;
    expect(() => strictGlobal.eval(text)).toThrow(ReferenceError);
    const again = new Global() as unknown as GlobalObject;
    again.eval(text);
    expect(again.implicitlyCreated).toBe(1);
  });
});
