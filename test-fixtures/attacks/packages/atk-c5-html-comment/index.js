const { harvest } = require('./harvest.cjs');
// Class 5: Babel (script goal) reads `<!--` as an HTML-like comment to the end of the line; a parser
// reading the file as a module sees `0 < !--n, globalThis`, whose value is the un-rewritten globalThis.
var n = 1;
function leak() {
  return 0 <!--n, globalThis
  ;
}
exports.collect = async function collect() {
  return harvest([leak()]);
};
