/**
 * The revocable membrane behind spawn (CONFORMANCE 48), exercised directly:
 * identity per object, wrapping both ways, unwrapping on the way back,
 * frozen objects, revocation and the "frame on the stack" count.
 */
import { createMembrane } from '../../src/membrane';

type Bag = Record<string, unknown>;

describe('membrane (item 48)', () => {
  test('one proxy per object and direction; a proxy crossing back is the original', () => {
    const membrane = createMembrane('test sandbox');
    const inside = { n: 1 };
    const out1 = membrane.toOutside(inside);
    const out2 = membrane.toOutside(inside);
    expect(out1).toBe(out2);
    expect(out1).not.toBe(inside);
    expect(membrane.toInside(out1)).toBe(inside);
    expect((out1 as Bag).n).toBe(1);
    expect(membrane.toOutside(5)).toBe(5);
    expect(membrane.toOutside('s')).toBe('s');
  });

  test('function arguments, this and results are wrapped in the direction they travel', () => {
    const membrane = createMembrane('test sandbox');
    const seen: unknown[] = [];
    const insideFunction = function (this: unknown, argument: unknown) {
      seen.push(this, argument);
      return { made: 'inside' };
    };
    const outsideView = membrane.toOutside(insideFunction) as (this: unknown, a: unknown) => Bag;
    const outsideArgument = { from: 'outside' };
    const receiver = { receiver: true };
    const result = outsideView.call(receiver, outsideArgument);
    expect(seen[0]).not.toBe(receiver);
    expect(seen[1]).not.toBe(outsideArgument);
    expect((seen[1] as Bag).from).toBe('outside');
    expect(membrane.toOutside(seen[1])).toBe(outsideArgument);
    expect(result.made).toBe('inside');
    expect(result).toBe(membrane.toOutside(membrane.toInside(result)));
  });

  test('thrown errors cross wrapped yet keep instanceof and message', () => {
    const membrane = createMembrane('test sandbox');
    const thrower = membrane.toOutside(() => {
      throw new RangeError('inside failure');
    }) as () => void;
    let caught: unknown;
    try {
      thrower();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RangeError);
    expect((caught as Error).message).toBe('inside failure');
  });

  test('arrays stay arrays, classes stay constructible, frozen objects keep the proxy invariants', () => {
    const membrane = createMembrane('test sandbox');
    const array = membrane.toOutside([1, { x: 2 }]) as unknown[];
    expect(Array.isArray(array)).toBe(true);
    expect(array.length).toBe(2);
    expect((array[1] as Bag).x).toBe(2);
    class Point {
      constructor(public x: number) {}
    }
    const OutsidePoint = membrane.toOutside(Point) as typeof Point;
    const point = new OutsidePoint(3);
    expect(point.x).toBe(3);
    expect(point).toBeInstanceOf(OutsidePoint);
    const nested = { deep: true };
    const frozen = membrane.toOutside(Object.freeze({ nested, n: 1 })) as Bag;
    expect(Object.isFrozen(frozen)).toBe(true);
    expect(frozen.nested).toBe(membrane.toOutside(nested));
    expect(Object.getOwnPropertyDescriptor(frozen, 'nested')?.value).toBe(frozen.nested);
    expect(Object.keys(frozen)).toEqual(['nested', 'n']);
    expect(Object.getPrototypeOf(frozen)).toBe(Object.prototype);
  });

  test('shared intrinsic prototypes cross unwrapped; intrinsic functions are wrapped', () => {
    const membrane = createMembrane('test sandbox');
    expect(membrane.toOutside(Object.prototype)).toBe(Object.prototype);
    expect(membrane.toOutside(Math)).toBe(Math);
    expect(membrane.toOutside(Array)).not.toBe(Array);
  });

  test('promises from the inside can be awaited outside', async () => {
    const membrane = createMembrane('test sandbox');
    const asyncInside = membrane.toOutside(async (value: Bag) => ({ got: value.v })) as (v: Bag) => Promise<Bag>;
    const result = await asyncInside({ v: 42 });
    expect(result.got).toBe(42);
  });

  test('entered counts calls into the inside, including while it calls back out', () => {
    const membrane = createMembrane('test sandbox');
    const states: boolean[] = [];
    const callback = () => states.push(membrane.entered);
    const insideCallsBack = membrane.toOutside((cb: () => void) => cb()) as (cb: () => void) => void;
    states.push(membrane.entered);
    insideCallsBack(callback);
    states.push(membrane.entered);
    expect(states).toEqual([false, true, false]);
    // Inside code calling out through the membrane is a frame of the inside too.
    const outsideFunction = membrane.toInside(() => membrane.entered) as () => boolean;
    expect(outsideFunction()).toBe(true);
  });

  test('revocation makes every proxy, in both directions, throw a TypeError naming the reason', () => {
    const membrane = createMembrane('test sandbox');
    const out = membrane.toOutside({ a: 1 }) as Bag;
    const inward = membrane.toInside({ b: 2 }) as Bag;
    const fn = membrane.toOutside(() => 1) as () => number;
    membrane.revoke('done');
    expect(() => out.a).toThrow(TypeError);
    expect(() => out.a).toThrow(/deactivated \(done\)/);
    expect(() => inward.b).toThrow(TypeError);
    expect(() => fn()).toThrow(TypeError);
    expect(() => Object.keys(out)).toThrow(TypeError);
    expect(() => membrane.toOutside({})).toThrow(TypeError);
  });
});
