/**
 * hermeticEval(program, thisValue, bindings?) through the `hermetic` package
 * (CONFORMANCE 47): no global object on the scope chain.
 */
import { hermeticEval } from 'hermetic';

type Bag = Record<string, unknown>;

describe('hermeticEval (item 47)', () => {
  test('without bindings only the standard built-ins are in scope', () => {
    expect(hermeticEval('typeof globalThis')).toBe('undefined');
    expect(hermeticEval('typeof process')).toBe('undefined');
    expect(hermeticEval('typeof console')).toBe('undefined');
    expect(hermeticEval('typeof setTimeout')).toBe('undefined');
    expect(hermeticEval('[typeof Object, typeof Math, typeof JSON, typeof Promise]')).toEqual(['function', 'object', 'object', 'function']);
    expect(hermeticEval('Math.max(1, 2) + parseInt("40")')).toBe(42);
    expect(hermeticEval('Object')).toBe(Object);
    expect(() => hermeticEval('process')).toThrow(ReferenceError);
  });

  test('with bindings only the bindings are in scope', () => {
    expect(hermeticEval('a + b', undefined, { a: 1, b: 2 })).toBe(3);
    expect(hermeticEval('typeof Object', undefined, { a: 1 })).toBe('undefined');
    expect(() => hermeticEval('Math', undefined, {})).toThrow(ReferenceError);
    const service = { calls: 0 };
    hermeticEval('service.calls++', undefined, { service });
    expect(service.calls).toBe(1);
  });

  test('this is thisValue; a nullish this never becomes the host global', () => {
    const self = { me: true };
    expect(hermeticEval('this', self)).toBe(self);
    expect(hermeticEval('this.me', self)).toBe(true);
    expect(hermeticEval('"use strict"; this')).toBeUndefined();
    expect(hermeticEval('this')).not.toBe(globalThis);
    expect(hermeticEval('typeof this.process')).toBe('undefined');
    expect(hermeticEval('this.a', undefined, { a: 'own scope' })).toBe('own scope');
    // Booleans, so that a failure cannot make Jest print the host global.
    expect(hermeticEval('(function () { return this; })() === this')).toBe(true);
    expect(hermeticEval('typeof (function () { return this; })().process')).toBe('undefined');
    expect(hermeticEval('Function("return this")() === this') === true).toBe(true);
  });

  test('declarations and sloppy assignments stay inside the evaluation', () => {
    const bindings: Bag = { a: 1 };
    expect(hermeticEval('var leaked = 1; let lexical = 2; implicit = 3; leaked + lexical + implicit', undefined, bindings)).toBe(6);
    expect((globalThis as Bag).leaked).toBeUndefined();
    expect((globalThis as Bag).implicit).toBeUndefined();
    expect(bindings).toEqual({ a: 1 });
    // A second evaluation starts from scratch.
    expect(hermeticEval('typeof leaked')).toBe('undefined');
  });

  test('eval and Function inside are hermetic too', () => {
    expect(hermeticEval('eval("typeof globalThis")')).toBe('undefined');
    expect(hermeticEval('Function("return typeof process")()')).toBe('undefined');
    expect(hermeticEval('var x = 5; eval("x * 2")')).toBe(10);
  });

  test('non-string programs are returned unchanged; bad bindings are a TypeError', () => {
    const value = {};
    expect(hermeticEval(value)).toBe(value);
    expect(() => hermeticEval('1', undefined, 5 as never)).toThrow(TypeError);
  });
});
