import jestGlobal from './jest-global.cjs';
import { count, increment } from '../src/counter.js';
import { pong } from '../src/hoisting.js';

test('the modules of this test file run in a fresh global, not Jest\'s', () => {
  expect(globalThis).not.toBe(jestGlobal());
  // Jest's globals are there, copied into the fresh global.
  expect(typeof expect).toBe('function');
  expect(typeof setTimeout).toBe('function');
});

test('a module\'s global writes stay in the fresh global', () => {
  expect(globalThis.counterInstances).toBe(1);
  expect(jestGlobal().counterInstances).toBeUndefined();
  globalThis.writtenByTestA = true;
  expect(writtenByTestA).toBe(true);
  expect(jestGlobal().writtenByTestA).toBeUndefined();
});

test('imports are live bindings (ES module semantics)', () => {
  expect(count).toBe(0);
  expect(increment()).toBe(1);
  expect(count).toBe(1);
});

test('cycles with hoisted functions work', () => {
  expect(pong(3)).toBe('ping');
});

test('assigning to an import throws a TypeError', () => {
  expect(() => { count = 5; }).toThrow(TypeError);
});
