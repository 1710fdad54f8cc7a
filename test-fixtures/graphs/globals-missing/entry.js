const results = [];
function check(label, f) {
  try { results.push(label, f()); } catch (e) { results.push(label, 'threw ' + e.constructor.name); }
}
check('read', () => missingGlobal);
check('typeof', () => typeof missingGlobal);
check('typeof member', () => typeof missingGlobal?.x);
check('typeof nested', () => (function () { return (() => typeof missingGlobal)(); })());
check('typeof paren', () => typeof (missingGlobal));
check('call', () => missingGlobal());
check('new', () => new missingGlobal());
check('assign', () => { missingGlobal = 1; });
check('still missing', () => typeof missingGlobal);
check('compound', () => { missingGlobal += 1; });
check('logical assign', () => { missingGlobal ??= 1; });
check('update', () => { missingGlobal++; });
check('destructure', () => { [missingGlobal] = [1]; });
check('for-of', () => { for (missingGlobal of [1]); });
check('in operator', () => 'missingGlobal' in globalThis);
check('window', () => window);
check('typeof window', () => typeof window);
check('self', () => self);
check('top-level arguments', () => arguments);
check('typeof arguments', () => typeof arguments);
check('arrow arguments', () => (() => arguments)());
check('function arguments', () => (function () { return arguments.length; })(1, 2));
check('template', () => `${missingGlobal}`);
check('short-circuit skips', () => false && missingGlobal);
__log.push(...results);
