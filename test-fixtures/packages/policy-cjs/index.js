'use strict';
// A CommonJS package: bundled through each bundler's own CommonJS support,
// outside compartments.
const math = require('./math.js');

exports.sum = (a, b) => math.add(a, b);
exports.probeFetch = () => typeof fetch;
exports.probeAliased = () => typeof globalThis.fetch;
