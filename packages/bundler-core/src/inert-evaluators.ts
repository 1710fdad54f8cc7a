/**
 * The module hardened mode runs before SES is even loaded: it makes the
 * host's string evaluators inert, so that SES's `lockdown()` compiles no
 * string and a strict CSP (`script-src 'self'`) reports nothing.
 *
 * SES 1.15 probes the evaluators whatever its options: it samples `Function`
 * and `eval` when its module is evaluated and calls them with strings four
 * times (the async generator probe when it loads, `Function` and `eval` in
 * `lockdown()`, and `Function.prototype.constructor` before it repairs the
 * function constructors). Under the CSP each probe throws and is caught, yet
 * the browser reports each one. This module, imported by the lockdown module
 * before `ses`, leaves nothing for the probes to compile:
 * - it replaces the `constructor` of the prototypes of every kind of function
 *   (`(async () => {}).constructor`, …) by a function that throws, as SES's
 *   own repair does (which SES skips once its probe of
 *   `Function.prototype.constructor` throws);
 * - it replaces the global `Function` and `eval` by functions that throw an
 *   `EvalError`, as the browser's own do under the CSP (SES treats an
 *   `EvalError` from its load-time probe as "refused by the host" and takes
 *   the async generator function from syntax).
 * SES takes these for the host's evaluators: the `eval` and `Function` it
 * installs end in them, so evaluating any string throws an `EvalError`, as
 * under the CSP or Node's `--disallow-code-generation-from-strings`; and
 * `lockdown()` freezes them with the other intrinsics.
 */

/** The id of the module (imported by the lockdown module, before `ses`). */
export const INERT_EVALUATORS_ID = 'hermetic:inert-evaluators';

/** Source of the module {@link INERT_EVALUATORS_ID}. */
export function inertEvaluatorsSource(): string {
  return [
    `const { defineProperty, getPrototypeOf, setPrototypeOf } = Object;`,
    `const refuse = (name) => {`,
    // Strict even where a bundler's output is not (an IIFE): a sloppy function has own `arguments` and `caller`
    // properties, which SES cannot remove, so lockdown() would throw.
    `  const inert = function () { "use strict"; throw new EvalError(name + ": code generation from strings is disabled (Hermetic hardened mode)"); };`,
    `  defineProperty(inert, "name", { value: name });`,
    `  return inert;`,
    `};`,
    `const repair = (instance, name, parent) => {`,
    `  const prototype = getPrototypeOf(instance);`,
    `  const inert = refuse(name);`,
    `  defineProperty(inert, "prototype", { value: prototype });`,
    `  defineProperty(prototype, "constructor", { value: inert });`,
    `  if (parent !== undefined) setPrototypeOf(inert, parent);`,
    `  return inert;`,
    `};`,
    `const InertFunction = repair(function () {}, "Function");`,
    `repair(function* () {}, "GeneratorFunction", InertFunction);`,
    `repair(async function () {}, "AsyncFunction", InertFunction);`,
    `repair(async function* () {}, "AsyncGeneratorFunction", InertFunction);`,
    `globalThis.Function = InertFunction;`,
    `globalThis.eval = refuse("eval");`,
    '',
  ].join('\n');
}
