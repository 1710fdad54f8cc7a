/**
 * The global scope object `$hg` of a module instance or a script
 * (docs/record-format.md "Globals"): one property per name the code uses,
 * resolving as an ECMA-262 global Environment Record does: the global's
 * top-level lexical bindings first (scripts only), then the global object,
 * prototype chain included.
 */
import type { GlobalDeclarations } from './global-declarations.js';
import { assignToConstant, hasOwn } from './shared-helpers.js';

function notDefined(name: string): ReferenceError {
  return new ReferenceError(`${name} is not defined`);
}

/**
 * Builds `$hg` for `names` over `global`. Module code is strict and has no
 * `declarations`. With a frozen global, own data properties are read once
 * into non-writable data properties (exact, since they cannot change, and no
 * later script can shadow them with `let`), so hot code pays nothing per
 * access; everything else is a live accessor.
 */
export function buildGlobalScope(global: object, names: Iterable<string>, strict = true, declarations?: GlobalDeclarations): object {
  const globalRecord = global as Record<string, unknown>;
  // Object.create(null) would start in V8's dictionary mode, making every
  // `$hg.X` a hash lookup. A plain object stays fast; its prototype is never
  // consulted because every name the code uses is an own property.
  const scope: object = {};
  const frozen = Object.isFrozen(global);
  for (const name of names) {
    if (hasOwn(scope, name)) continue;
    if (frozen && declarations?.lexical.has(name) !== true) {
      const descriptor = Reflect.getOwnPropertyDescriptor(global, name);
      if (descriptor !== undefined && 'value' in descriptor) {
        Object.defineProperty(scope, name, { value: descriptor.value, enumerable: true });
        continue;
      }
    }
    const lexicalBinding = declarations?.bindingOf(name);
    Object.defineProperty(scope, name, {
      get() {
        const binding = lexicalBinding?.();
        if (binding !== undefined) return binding.value;
        // One lookup in the common case; HasProperty only decides between
        // an absent name and a property holding undefined.
        const value = globalRecord[name];
        if (value === undefined && !(name in global)) throw notDefined(name);
        return value;
      },
      set(value: unknown) {
        const binding = lexicalBinding?.();
        if (binding !== undefined) {
          if (binding.constant) throw assignToConstant(name);
          binding.value = value;
          return;
        }
        if (strict && !(name in global)) throw notDefined(name);
        if (!Reflect.set(global, name, value) && strict) throw new TypeError(`Cannot assign to read only global '${name}'`);
      },
      enumerable: true,
    });
  }
  return declarations === undefined ? scope : Object.freeze(scope);
}

/** `typeof name` against the global scope: `'undefined'` when absent; a script's binding in its TDZ throws. */
export function typeofGlobal(global: object, name: string, declarations?: GlobalDeclarations): string {
  const binding = declarations?.bindingOf(name)();
  if (binding !== undefined) return typeof binding.value;
  return name in global ? typeof (global as Record<string, unknown>)[name] : 'undefined';
}
