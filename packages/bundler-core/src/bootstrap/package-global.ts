/**
 * A package's own global object in a bundle: the shared ECMAScript
 * intrinsics, its own `eval` and `Function` (which cannot compile under a
 * strict Content-Security-Policy, and say so without asking the host's
 * evaluator, which would report a violation), `globalThis`/`window`/`self`
 * meaning itself, and what its policy grants (package-globals.ts).
 */
import { INTRINSIC_NAMES } from '../intrinsic-names.js';
import { EvalErrorConstructor, FunctionPrototype, ObjectPrototype, bare, create, defineProperty, getOwnPropertyDescriptor } from './captured.js';
import { definePackageGlobals, type GrantTree } from './package-globals.js';

/** The host's intrinsic globals as null-prototype descriptors, by name (a null-prototype record). */
export type IntrinsicDescriptors = Record<string, PropertyDescriptor>;

/** The host's intrinsics, taken before any package runs (names a package global provides itself are left out). */
export function intrinsicDescriptors(host: object): IntrinsicDescriptors {
  const found = create(null) as IntrinsicDescriptors;
  for (const name of INTRINSIC_NAMES) {
    if (name === 'eval' || name === 'Function' || name === 'Compartment' || name === 'arguments') continue;
    const descriptor = getOwnPropertyDescriptor(host, name);
    if (descriptor !== undefined) found[name] = bare(descriptor);
  }
  return found;
}

function cannotCompile(what: string): EvalError {
  return new EvalErrorConstructor(`${what} cannot compile code in a Hermetic bundle (strict Content-Security-Policy): precompile it.`);
}

/**
 * A global object for one package, filled with `intrinsics` (from
 * {@link intrinsicDescriptors}) and per `tree` (package-globals.ts).
 */
export function createPackageGlobal(host: object, tree: GrantTree, intrinsics: IntrinsicDescriptors): object {
  // Object.create reads only the record's own keys and the descriptors' own fields (both null-prototype).
  const global = create(ObjectPrototype, intrinsics) as object;
  const own = (name: string, value: unknown): void => { defineProperty(global, name, bare({ value, writable: true, configurable: true })); };
  own('eval', { eval: (source: unknown): unknown => { if (typeof source === 'string') throw cannotCompile('eval'); return source; } }.eval);
  // Shares Function.prototype, so `instanceof Function` and `.prototype` checks still hold.
  const functionConstructor = function Function(): never { throw cannotCompile('Function'); };
  functionConstructor.prototype = FunctionPrototype;
  own('Function', functionConstructor);
  definePackageGlobals(global, host, tree);
  return global;
}
