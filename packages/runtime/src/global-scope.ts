/**
 * The global scope object `$hg` of one module instance (docs/record-format.md
 * "Globals"): one property per free reference of the module, resolving
 * against the instance's global object.
 */

function notDefined(name: string): ReferenceError {
  return new ReferenceError(`${name} is not defined`);
}

function findDescriptor(object: object, name: string): { owner: object; descriptor: PropertyDescriptor } | undefined {
  for (let o: object | null = object; o !== null; o = Object.getPrototypeOf(o)) {
    const descriptor = Object.getOwnPropertyDescriptor(o, name);
    if (descriptor !== undefined) return { owner: o, descriptor };
  }
  return undefined;
}

/** Live accessors: every access looks the name up on the global (prototype chain included). */
function defineLive(scope: object, global: object, name: string): void {
  const g = global as Record<string, unknown>;
  Object.defineProperty(scope, name, {
    get() {
      const value = g[name];
      if (value === undefined && !(name in g)) throw notDefined(name);
      return value;
    },
    set(value: unknown) {
      if (!(name in g)) throw notDefined(name);
      if (!Reflect.set(g, name, value)) throw new TypeError(`Cannot assign to read only global '${name}'`);
    },
    enumerable: true,
  });
}

/**
 * Builds `$hg` for `names` over `global`. With a frozen global, own data
 * properties are read once into non-writable data properties (exact, since
 * they cannot change) so hot code pays nothing per access; everything else is
 * a live accessor.
 */
export function buildGlobalScope(global: object, names: readonly string[]): object {
  // Object.create(null) would start in V8's dictionary mode, making every
  // `$hg.X` a hash lookup. A plain object stays fast; its prototype is never
  // consulted because every name the module uses is an own property.
  const scope: object = {};
  const frozen = Object.isFrozen(global);
  for (const name of names) {
    if (Object.prototype.hasOwnProperty.call(scope, name)) continue;
    if (!frozen) {
      defineLive(scope, global, name);
      continue;
    }
    const found = findDescriptor(global, name);
    if (found === undefined || found.owner !== global) {
      // Absent (or inherited from a prototype that may still change): stay live.
      defineLive(scope, global, name);
    } else if ('value' in found.descriptor) {
      Object.defineProperty(scope, name, { value: found.descriptor.value, writable: false, enumerable: true });
    } else {
      const { get, set } = found.descriptor;
      Object.defineProperty(scope, name, {
        get: get === undefined ? () => undefined : () => get.call(global),
        set(value: unknown) {
          if (set === undefined) throw new TypeError(`Cannot set global '${name}', which has only a getter`);
          set.call(global, value);
        },
        enumerable: true,
      });
    }
  }
  return scope;
}

/** `typeof name` against a global object: 'undefined' when absent, never throws. */
export function typeofGlobal(global: object, name: string): string {
  return name in global ? typeof (global as Record<string, unknown>)[name] : 'undefined';
}
