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
import { ObjectPrototype, ProxyConstructor, bare, create, getOwnPropertyNames, hasOwn, ownValue } from './captured.js';

const EMPTY = create(null) as object;

/**
 * A Proxy over a null-prototype target that reads `readEnv()` (the host's
 * `process.env`) through the package's overlay and writes only to the overlay.
 * Every property it reports is configurable, and the target stays extensible
 * and empty, so the Proxy invariants hold whatever the host's environment holds.
 */
export function envView(readEnv: () => unknown): object {
  // Per name: the package's value, or undefined where the package deleted it.
  const overlay = create(null) as Record<PropertyKey, string | undefined>;
  const hostEnv = (): object => {
    const env = readEnv();
    return typeof env === 'object' && env !== null ? env : EMPTY;
  };
  const has = (name: PropertyKey): boolean => (hasOwn(overlay, name) ? overlay[name] !== undefined : hasOwn(hostEnv(), name));
  const read = (name: PropertyKey): unknown => (hasOwn(overlay, name) ? overlay[name] : ownValue(hostEnv(), name));
  // Node's own conversions: a symbol name throws, a value becomes a string.
  const write = (name: PropertyKey, value: unknown): true => {
    overlay[`${name as string}`] = `${value as string}`;
    return true;
  };
  return new ProxyConstructor(create(null) as object, bare<ProxyHandler<object>>({
    // Inherited members (`hasOwnProperty`) are Object.prototype's data properties; no getter is run.
    get: (_target, name) => (has(name) ? read(name) : ownValue(ObjectPrototype, name)),
    has: (_target, name) => has(name) || name in ObjectPrototype,
    set: (_target, name, value) => write(name, value),
    defineProperty: (_target, name, descriptor) =>
      !hasOwn(descriptor, 'get') && !hasOwn(descriptor, 'set') && ownValue(descriptor, 'configurable') !== false &&
      write(name, ownValue(descriptor, 'value')),
    deleteProperty: (_target, name) => {
      overlay[`${name as string}`] = undefined;
      return true;
    },
    ownKeys: () => {
      const names = create(null) as Record<string, true>;
      const hostNames = getOwnPropertyNames(hostEnv());
      for (let i = 0; i < hostNames.length; i++) names[hostNames[i]] = true;
      const written = getOwnPropertyNames(overlay);
      for (let i = 0; i < written.length; i++) {
        if (overlay[written[i]] === undefined) delete names[written[i]];
        else names[written[i]] = true;
      }
      return getOwnPropertyNames(names);
    },
    getOwnPropertyDescriptor: (_target, name) =>
      has(name) ? bare({ value: read(name), writable: true, enumerable: true, configurable: true }) : undefined,
    getPrototypeOf: () => ObjectPrototype,
    setPrototypeOf: () => false,
    // The target must stay extensible: a non-extensible one would have to list every key the Proxy reports.
    preventExtensions: () => false,
  }));
}
