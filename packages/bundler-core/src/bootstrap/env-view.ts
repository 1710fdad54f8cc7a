/**
 * A package's own `process.env` (issue 9, class 9). A policy that grants
 * `process.env` for reading lets a package read the environment, not change it
 * for the host and every other package: its writes and deletions go to a
 * per-package overlay, read before the host's environment (which is read live,
 * so variables the host sets later are seen). Values are strings, as in Node.
 * A `"write"` grant still gives the host's object (package-globals.ts).
 * Runs after package code may have, so it uses captured intrinsics only
 * (captured.ts); it never reads the host's environment through its prototype,
 * where another package may have put a getter.
 */
import { ObjectPrototype, ProxyConstructor, assigned, bare, create, getOwnPropertyNames, hasOwn, isReference, ownValue } from './captured.js';

const EMPTY = create(null) as object;

/**
 * A Proxy over an empty target that reads `readEnv()` (the host's
 * `process.env`) through the package's overlay and writes only to the overlay.
 * Every property it reports is configurable, and the target stays extensible
 * and empty, so the Proxy invariants hold whatever the host's environment holds.
 * Its prototype is the target's, `Object.prototype`, which no package can change.
 */
export function envView(readEnv: () => unknown): object {
  // Per name: the package's value, or undefined where the package deleted it.
  const overlay = create(null) as Record<PropertyKey, string | undefined>;
  const hostEnv = (): object => {
    const env = readEnv();
    return isReference(env) ? env : EMPTY;
  };
  const has = (name: PropertyKey): boolean => (hasOwn(overlay, name) ? overlay[name] !== undefined : hasOwn(hostEnv(), name));
  const read = (name: PropertyKey): unknown => (hasOwn(overlay, name) ? overlay[name] : ownValue(hostEnv(), name));
  // Node's own conversions: a symbol name throws, a value becomes a string (undefined marks a deletion).
  const put = (name: PropertyKey, value: string | undefined): true => {
    overlay[`${name as string}`] = value;
    return true;
  };
  return new ProxyConstructor({}, bare<ProxyHandler<object>>({
    // Inherited members (`hasOwnProperty`) are Object.prototype's data properties; no getter is run.
    get: (_target, name) => (has(name) ? read(name) : ownValue(ObjectPrototype, name)),
    has: (_target, name) => has(name) || name in ObjectPrototype,
    set: (_target, name, value) => put(name, `${value as string}`),
    // The descriptor is the engine's fresh copy: made null-prototype, its fields are read as own ones only.
    defineProperty: (_target, name, descriptor) =>
      !('get' in bare(descriptor) || 'set' in descriptor) && descriptor.configurable !== false && put(name, `${descriptor.value as string}`),
    deleteProperty: (_target, name) => put(name, undefined),
    ownKeys: () => {
      const names = create(null) as Record<string, true>;
      const add = (list: string[]): void => {
        for (let i = 0; i < list.length; i++) if (has(list[i])) names[list[i]] = true;
      };
      add(getOwnPropertyNames(hostEnv()));
      add(getOwnPropertyNames(overlay));
      return getOwnPropertyNames(names);
    },
    getOwnPropertyDescriptor: (_target, name) => (has(name) ? assigned(read(name)) : undefined),
    setPrototypeOf: () => false,
    // The target must stay extensible: a non-extensible one would have to list every key the Proxy reports.
    preventExtensions: () => false,
  }));
}
