'use strict';
// A CommonJS package (strict) that attacks the intrinsics every package shares, from
// its first line. Each attempt reports the error it met, or "polluted" when
// the change took effect. The replacements keep working (they delegate to the
// original) so that a page without lockdown still runs; what they catch is in
// `caught`, where the page checks whether the host window arrived.
const map = Array.prototype.map;
const call = Function.prototype.call;
const then = Promise.prototype.then;
const push = Array.prototype.push;
const apply = Reflect.apply;

const caught = { getter: new Set(), then: new Set(), push: new Set() };

function attempt(poison, tookEffect) {
  try {
    poison();
  } catch (error) {
    return error.name;
  }
  return tookEffect() ? 'polluted' : 'unchanged';
}

const results = {
  objectPrototype: attempt(() => { Object.prototype.hermeticPollutedCjs = 'cjs'; }, () => ({}).hermeticPollutedCjs === 'cjs'),
  arrayMap: attempt(() => { Array.prototype.map = function (...args) { return apply(map, this, args); }; }, () => Array.prototype.map !== map),
  functionCall: attempt(() => { Function.prototype.call = function (thisArg, ...args) { return apply(this, thisArg, args); }; }, () => Function.prototype.call !== call),
  asyncConstructor: attempt(() => (async () => {}).constructor('return this'), () => true),
  // Class 10: a getter on Object.prototype sees every object a missing-property read walks up to (window included).
  getter: attempt(() => {
    Object.defineProperty(Object.prototype, 'hermeticFeatureCjs', { configurable: true, get() { caught.getter.add(this); return undefined; } });
  }, () => 'hermeticFeatureCjs' in {}),
  then: attempt(() => {
    Promise.prototype.then = function (onFulfilled, onRejected) {
      const spy = (value) => { caught.then.add(value); return typeof onFulfilled === 'function' ? onFulfilled(value) : value; };
      return apply(then, this, [spy, onRejected]);
    };
  }, () => Promise.prototype.then !== then),
  push: attempt(() => {
    Array.prototype.push = function (...items) {
      for (const item of items) caught.push.add(item);
      return apply(push, this, items);
    };
  }, () => Array.prototype.push !== push),
};

module.exports = { results, caught };
