import fnNamed from './fn-named.js';
import fnAnon from './fn-anon.js';
import ClassAnon from './class-anon.js';
import expr from './expr.js';
function attempt(label, read) {
  try { __log.push(label, read()); } catch (e) { __log.push(label, 'threw ' + e.constructor.name); }
}
// Runs first: every module it imports is an ancestor on the DFS stack (entry -> class-anon -> fn-anon -> fn-named -> expr -> here).
attempt('early fnNamed', () => fnNamed());
attempt('early fnAnon', () => fnAnon());
attempt('early ClassAnon', () => typeof ClassAnon);
attempt('early expr', () => expr);
