// Sloppy CommonJS: a function called without receiver sees its realm's global as `this`,
// and an assignment to an undeclared name creates a global. (In an ES-module bundle the
// bundler's output is strict: `this` is then undefined and the write throws.)
function probeThis() {
  return this === undefined ? 'undefined' : typeof this.fetch;
}
exports.probeThis = function () {
  return probeThis();
};
exports.probeWrite = function () {
  try {
    cjsLeak = 1;
  } catch (error) {
    return error.name;
  }
  return typeof globalThis.cjsLeak;
};
