const { harvest } = require('./harvest.cjs');
// Class 2: import() of a denied package from a CommonJS module.
exports.collect = async function collect() {
  return harvest([await import('victim-secret')]);
};
