import { readLater, writeLater } from './dep.js';
const results = [];
function check(label, f) {
  try { results.push(label, f()); } catch (e) { results.push(label, 'threw ' + e.constructor.name); }
}
check('globalThis self-reference', () => globalThis.globalThis === globalThis);
check('__log via globalThis', () => globalThis.__log === __log);
check('before add', () => readLater());
globalThis.addedLater = 'first';
check('after add', () => readLater());
check('direct read', () => addedLater);
addedLater = 'assigned';
check('assign', () => globalThis.addedLater);
addedLater += '+';
check('compound', () => globalThis.addedLater);
globalThis.counter = 0;
counter++;
++counter;
check('update', () => [counter, globalThis.counter]);
[counter, addedLater] = [10, 'destructured'];
check('destructuring', () => [globalThis.counter, globalThis.addedLater]);
for (counter of [20, 21]);
check('for-of', () => globalThis.counter);
check('dep writes', () => { writeLater('from dep'); return addedLater; });
delete globalThis.addedLater;
check('after delete', () => readLater());
check('typeof after delete', () => typeof addedLater);
Object.defineProperty(globalThis, 'accessor', { get() { return 'via getter'; }, set(v) { results.push('setter got ' + v); }, configurable: true });
check('accessor read', () => accessor);
accessor = 'assigned through setter';
check('readonly', () => { Object.defineProperty(globalThis, 'ro', { value: 1, writable: false, configurable: true }); ro = 2; });
check('inherited from prototype', () => typeof hasOwnProperty);
check('intrinsics', () => [typeof Math.max, Array.isArray([]), JSON.stringify({ a: 1 }), [1, 2].map(String).join(), Object.getPrototypeOf([]) === Array.prototype]);
__log.push(...results);
