'use strict';
const { harvest } = require('./harvest.cjs');
// Class 8: a CommonJS package (Rollup: @rollup/plugin-commonjs) defines a getter on Object.prototype,
// which the app's read of a global it does not have (`typeof __hermeticAttackProbe`) calls with
// `this` = window (strict code: a sloppy function's `this` would be mapped to the package's global). Hardened mode must have frozen Object.prototype first, in every plugin.
const captured = [];
exports.arm = function arm() {
  Object.defineProperty(Object.prototype, '__hermeticAttackProbe', { get() { captured.push(this); return undefined; }, configurable: true });
};
exports.disarm = function disarm() {
  delete Object.prototype.__hermeticAttackProbe;
};
exports.collect = async function collect() {
  return harvest(captured);
};
