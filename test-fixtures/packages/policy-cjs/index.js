'use strict';
// A CommonJS package: each bundler's own CommonJS support wraps and links it,
// and Hermetic runs its body against its own compartment's global.
const math = require('./math.js');
const sloppy = require('./sloppy.js');

exports.sum = (a, b) => math.add(a, b);
exports.probeFetch = () => typeof fetch;
exports.probeAliased = () => typeof globalThis.fetch;
exports.probeRead = () => {
  try {
    return typeof fetch('data:,x');
  } catch (error) {
    return `${error.name}: ${error.message}`;
  }
};
exports.probeSloppyThis = sloppy.probeThis;
exports.probeSloppyWrite = sloppy.probeWrite;
