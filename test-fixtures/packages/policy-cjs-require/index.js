'use strict';
// A CommonJS package that requires two other packages when asked: the test
// policy grants `policy-cjs` and not `policy-cjs-leaf`, so the second require
// throws the policy's denial (or, in debug mode, goes through with a warning).
const own = require('./own.js');

function attempt(load) {
  try {
    return load();
  } catch (error) {
    return `${error.name}: ${error.message}`;
  }
}

exports.own = () => own.name;
exports.requireGranted = () => attempt(() => require('policy-cjs').sum(2, 3));
exports.requireDenied = () => attempt(() => require('policy-cjs-leaf').name);
