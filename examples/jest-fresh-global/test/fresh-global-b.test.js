import { count, increment } from '../src/counter.js';

test('this test file links its own instances: state from the other file is not here', () => {
  expect(globalThis.counterInstances).toBe(1);
  expect(typeof globalThis.writtenByTestA).toBe('undefined');
  expect(count).toBe(0);
  increment();
  increment();
  expect(count).toBe(2);
});

test('a free reference to a missing global throws ReferenceError', () => {
  expect(() => notDefinedAnywhere).toThrow(ReferenceError);
  expect(typeof notDefinedAnywhere).toBe('undefined');
});
