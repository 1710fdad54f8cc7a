'use strict';
// A CommonJS package another package requires (policy-cjs-require).
exports.name = 'leaf';
