import './install.js';
const results = [];
function check(label, f) {
  try { results.push(label, f()); } catch (e) { results.push(label, 'threw ' + e.constructor.name); }
}
check('plain call', () => whoIsThis() === undefined);
check('sloppy host function', () => sloppyThis() === undefined || sloppyThis() === globalThis);
check('member call', () => holder.method() === holder);
check('paren call', () => (whoIsThis)() === undefined);
check('optional call', () => whoIsThis?.() === undefined);
check('optional missing', () => missingFn?.());
check('tagged template', () => whoIsThis`x` === undefined);
check('tag args', () => tagArgs`a${1}b`);
check('new', () => new GlobalClass().made);
check('extends', () => { class Sub extends GlobalClass {} return new Sub().made + ':' + Sub.name; });
check('call/apply', () => [whoIsThis.call('c'), whoIsThis.apply('a')]);
check('bound', () => whoIsThis.bind('b')());
check('comma call', () => (0, whoIsThis)() === undefined);
check('in args', () => [1, 2, 3].map(whoIsThis).every((t) => t === undefined));
__log.push(...results);
