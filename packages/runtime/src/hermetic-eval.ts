/**
 * `hermeticEval(program, thisValue, bindings?)` from the 2009 Spawn strawman
 * (CONFORMANCE 47): evaluates a script with no global object on its scope
 * chain. Its scope is a fresh null-prototype object holding copies of
 * `bindings`' own properties, or, without `bindings`, the ECMA-262 standard
 * built-ins plus an `eval` and `Function` that evaluate in that same scope
 * (the host's would reach the host global). Top-level declarations and
 * sloppy assignments to undeclared names land on that scope object, which
 * is discarded afterwards. `import()` is not available: there is no host to
 * ask. `this` is `thisValue`; in sloppy code a nullish `thisValue` becomes
 * that scope object (never the host's global), in strict code it stays.
 */
import { requireScriptEvaluator } from './compiler-slot.js';
import { createEvaluators } from './evaluators.js';
import type { ScriptEnvironment } from './script-evaluation.js';
import { defineHidden, isObject, notAnObject } from './shared-helpers.js';
import { standardGlobalDescriptors } from './standard-globals.js';

const noImport = (specifier: unknown): Promise<unknown> =>
  Promise.reject(new TypeError(`import('${String(specifier)}'): hermeticEval code has no module loader`));

/** Evaluates `program` with only `bindings` (or the standard built-ins) in scope and `this` = `thisValue`. */
export function hermeticEval(program: unknown, thisValue?: unknown, bindings?: object): unknown {
  if (typeof program !== 'string') return program;
  if (bindings !== undefined && !isObject(bindings)) {
    throw notAnObject('hermeticEval bindings', bindings);
  }
  const scope = Object.create(null) as object;
  const env: ScriptEnvironment = { globalThis: scope, dynamicImport: noImport };
  if (!bindings) {
    Object.defineProperties(scope, standardGlobalDescriptors(globalThis));
    defineHidden(scope, createEvaluators(env));
  } else {
    Object.defineProperties(scope, Object.getOwnPropertyDescriptors(bindings));
  }
  return requireScriptEvaluator().evaluateScript(env, program, { thisValue });
}
