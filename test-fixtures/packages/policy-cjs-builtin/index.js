'use strict';
// A CommonJS package that requires a Node built-in module when asked: the
// policy's `builtin` entries decide whether `hermetic run` lets it through.
exports.separator = () => {
  try {
    return require('node:path').sep;
  } catch (error) {
    return `${error.name}: ${error.message}`;
  }
};
