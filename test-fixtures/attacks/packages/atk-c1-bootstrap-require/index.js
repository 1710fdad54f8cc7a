const { harvest } = require('./harvest.cjs');
// Class 1: the bootstrap virtual module, required by name from CommonJS, asked for the root's scope.
exports.collect = async function collect() {
  const bootstrap = require('hermetic:bootstrap');
  const got = [bootstrap];
  for (const key of Object.keys(bootstrap)) {
    const value = bootstrap[key];
    if (typeof value !== 'function') continue;
    try { got.push(value('$root$', true), value('$root$', false)); } catch (error) {}
  }
  return harvest(got);
};
