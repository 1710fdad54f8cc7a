/**
 * The module hardened mode runs before SES (inert-evaluators.ts), in a fresh
 * realm: afterwards no kind of function constructor and neither `eval` nor
 * `Function` compiles a string, and SES still locks down and freezes the
 * intrinsics, also when the realm refuses code generation as a
 * strict CSP does and when the module runs as sloppy script (an IIFE bundle).
 * The browser tests (tests/browser/hardened-*.test.ts) count the CSP reports.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { inertEvaluatorsSource } from '../src/inert-evaluators.js';

const sesUmd = readFileSync(join(createRequire(__filename).resolve('ses/package.json'), '..', 'dist', 'ses.umd.js'), 'utf8');

const ATTEMPTS = `(() => {
  const attempt = (f) => { try { f(); return 'compiled'; } catch (error) { return error.name; } };
  return {
    Function: attempt(() => Function('return this')),
    eval: attempt(() => eval('this')),
    function: attempt(() => (function () {}).constructor('return this')),
    generator: attempt(() => (function* () {}).constructor('return this')),
    async: attempt(() => (async () => {}).constructor('return this')),
    asyncGenerator: attempt(() => (async function* () {}).constructor('return this')),
    instanceOf: (async () => {}) instanceof Function && (() => {}) instanceof Function,
  };
})()`;

const REFUSED = { function: 'EvalError', generator: 'EvalError', async: 'EvalError', asyncGenerator: 'EvalError', instanceOf: true };

test.each([true, false])('no function constructor compiles a string, and SES locks down after it (code generation allowed: %s)', (strings) => {
  const realm = createContext({}, { codeGeneration: { strings } });
  // Without the module, the realm's own AsyncFunction constructor compiles a string (unless the realm refuses, as a CSP does).
  const before = `(() => { try { return typeof (async () => {}).constructor('return 1'); } catch (error) { return error.name; } })()`;
  expect(runInContext(before, realm)).toBe(strings ? 'function' : 'EvalError');
  runInContext(inertEvaluatorsSource(), realm);
  expect(runInContext(ATTEMPTS, realm)).toEqual({ ...REFUSED, Function: 'EvalError', eval: 'EvalError' });

  runInContext(sesUmd, realm);
  runInContext('lockdown({ errorTaming: "unsafe", consoleTaming: "unsafe", overrideTaming: "severe", stackFiltering: "verbose" })', realm);
  // The `eval` and `Function` SES installs end in the inert ones.
  expect(runInContext(ATTEMPTS, realm)).toEqual({ ...REFUSED, Function: 'EvalError', eval: 'EvalError' });
  expect(runInContext('typeof lockdown === "function" && Function !== Function.prototype.constructor', realm)).toBe(true);
  expect(runInContext('[Object.prototype, Function.prototype, Object.getPrototypeOf(async () => {})].every(Object.isFrozen)', realm)).toBe(true);
});
