/**
 * Module namespace exotic objects (ECMA-262 10.4.6, CONFORMANCE item 18): a
 * Proxy over a null-prototype, non-extensible target that holds one
 * writable, enumerable, non-configurable property per export, so that every
 * Proxy invariant holds while reads go live through the export cells.
 */
import { getExportedNames, resolveExport } from './link-modules.js';
import { AMBIGUOUS, NAMESPACE, readCell, type ModuleInstance } from './module-instance.js';

const namespaceOwners = new WeakMap<object, ModuleInstance>();

/** The instance a Hermetic namespace object belongs to, if `value` is one. */
export function instanceOfNamespace(value: unknown): ModuleInstance | undefined {
  // WeakMap#get answers undefined for primitives, so any value can be looked up.
  return namespaceOwners.get(value as object);
}

function readerFor(module: ModuleInstance, name: string): (() => unknown) | undefined {
  const resolution = resolveExport(module, name);
  if (resolution === null || resolution === AMBIGUOUS) return undefined;
  const { module: target, bindingName } = resolution;
  if (bindingName === NAMESPACE) return () => getNamespace(target);
  const cell = target.cells.get(bindingName);
  return cell === undefined ? undefined : () => readCell(cell);
}

/** GetModuleNamespace(module): created once per instance. */
export function getNamespace(module: ModuleInstance): object {
  if (module.namespace !== undefined) return module.namespace;
  // Names are resolved on first use, one at a time: the graph is linked by
  // the time a namespace exists, so nothing observable differs, and a
  // namespace that is only handed over (import() of a large module, whose
  // promise reads `then`) resolves one name instead of hundreds.
  // ResolveExport answers a binding exactly for the exported, unambiguous names.
  const readers = new Map<string, (() => unknown) | null>();
  const reader = (key: string): (() => unknown) | null => {
    let read = readers.get(key);
    if (read === undefined) readers.set(key, (read = readerFor(module, key) ?? null));
    return read;
  };
  const target: object = Object.create(null);
  // New properties: omitted attributes are false.
  Object.defineProperty(target, Symbol.toStringTag, { value: 'Module' });
  // The target's export properties exist only for the Proxy invariants of the
  // traps that report properties or extensibility; a graph with a thousand
  // exports whose namespace is only read never pays for defining them.
  let keys: Array<string | symbol> | undefined;
  const seal = (t: object): Array<string | symbol> => {
    if (keys !== undefined) return keys;
    // Code-unit order, as the spec sorts (an ordinary object would put "9" before "10").
    const names = getExportedNames(module).filter((name) => reader(name) !== null).sort();
    for (const name of names) Object.defineProperty(t, name, { value: undefined, writable: true, enumerable: true });
    Object.preventExtensions(t);
    return (keys = [...names, Symbol.toStringTag]);
  };
  const descriptor = (key: string): PropertyDescriptor | undefined => {
    const read = reader(key);
    return read === null ? undefined : { value: read(), writable: true, enumerable: true }; // completed (configurable: false) by the engine
  };
  const namespace = new Proxy(target, {
    get(t, key) {
      if (typeof key === 'symbol') return Reflect.get(t, key);
      const read = reader(key);
      return read === null ? undefined : read();
    },
    getOwnPropertyDescriptor(t, key) {
      seal(t);
      return typeof key === 'symbol' ? Reflect.getOwnPropertyDescriptor(t, key) : descriptor(key);
    },
    has(t, key) {
      return typeof key === 'symbol' ? Reflect.has(t, key) : reader(key) !== null;
    },
    ownKeys(t) {
      return seal(t).slice();
    },
    isExtensible(t) {
      seal(t);
      return false;
    },
    preventExtensions(t) {
      seal(t);
      return true;
    },
    setPrototypeOf(t, proto) {
      return proto === null;
    },
    set() {
      return false;
    },
    deleteProperty(t, key) {
      return typeof key === 'symbol' ? Reflect.deleteProperty(t, key) : reader(key) === null;
    },
    defineProperty(t, key, desc) {
      seal(t);
      if (typeof key === 'symbol') return Reflect.defineProperty(t, key, desc);
      const current = descriptor(key);
      if (current === undefined) return false;
      if (desc.configurable === true || desc.enumerable === false || 'get' in desc || 'set' in desc || desc.writable === false) return false;
      return 'value' in desc ? Object.is(desc.value, current.value) : true;
    },
  });
  namespaceOwners.set(namespace, module);
  module.namespace = namespace;
  return namespace;
}
