/**
 * A package's own global object in a bundle: the shared ECMAScript
 * intrinsics, its own `eval` and `Function` (which cannot compile under a
 * strict Content-Security-Policy, and say so without asking the host's
 * evaluator, which would report a violation), `globalThis`/`window`/`self`
 * meaning itself, and what its policy grants (package-globals.ts).
 */
import type { GlobalGrant } from '../policy-types.js';
import { INTRINSIC_GLOBALS } from '../intrinsic-names.js';
import { definePackageGlobals, type GrantedNames } from './package-globals.js';

/** Names the package global provides itself rather than copying the host's. */
const OWN_NAMES = new Set(['eval', 'Function', 'Compartment', 'arguments']);

function cannotCompile(what: string): EvalError {
  return new EvalError(`${what} cannot compile code inside a Hermetic bundle (a strict Content-Security-Policy forbids it); precompile it instead.`);
}

/** A global object for one package, filled per `grants`, and the names granted. */
export function createPackageGlobal(host: object, grants: Record<string, GlobalGrant>): { global: object; granted: GrantedNames } {
  const global: Record<string, unknown> = {};
  for (const name of INTRINSIC_GLOBALS) {
    if (OWN_NAMES.has(name)) continue;
    const descriptor = Reflect.getOwnPropertyDescriptor(host, name);
    if (descriptor !== undefined) Object.defineProperty(global, name, descriptor);
  }
  const evaluator = { eval: (source: unknown): unknown => { if (typeof source === 'string') throw cannotCompile('eval'); return source; } }.eval;
  // Shares Function.prototype, so `instanceof Function` and `.prototype` checks still hold.
  const functionConstructor = function Function(): never { throw cannotCompile('Function'); };
  functionConstructor.prototype = Function.prototype;
  Object.defineProperty(global, 'eval', { value: evaluator, writable: true, configurable: true });
  Object.defineProperty(global, 'Function', { value: functionConstructor, writable: true, configurable: true });
  return { global, granted: definePackageGlobals(global, host, grants) };
}
