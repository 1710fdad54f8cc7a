import { depThis } from './dep.js';
const results = [];
function check(label, f) {
  try { results.push(label, f()); } catch (e) { results.push(label, 'threw ' + e.constructor.name); }
}
check('this', () => this === undefined);
check('typeof this', () => typeof this);
const arrowThis = () => this;
check('arrow this', () => arrowThis() === undefined);
check('dep this', () => depThis);
check('plain call this', () => (function () { return this; })());
check('method this', () => ({ m() { return typeof this; } }).m());
check('frozen write', () => { Object.freeze({ p: 1 }).p = 2; });
check('frozen add', () => { Object.freeze({}).q = 2; });
check('getter-only write', () => { ({ get g() { return 1; } }).g = 2; });
check('primitive prop write', () => { 'str'.x = 1; });
check('arguments.callee', () => (function () { return arguments.callee; })());
check('arguments unmapped', () => (function (a) { a = 2; return arguments[0]; })(1));
check('undefined = 1', () => { undefined = 1; });
check('NaN = 1', () => { NaN = 1; });
check('Infinity = 1', () => { Infinity = 1; });
check('delete non-configurable', () => delete Object.prototype);
check('function.caller', () => (function f() { return f.caller; })());
check('call(null)', () => (function () { return this; }).call(null));
check('call(2) boxes?', () => typeof (function () { return this; }).call(2));
check('class body', () => new (class { m() { return this; } })().m.call(undefined));
__log.push(...results);
