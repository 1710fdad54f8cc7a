/**
 * Module namespace exotic objects (ECMA-262 10.4.6, CONFORMANCE item 18): a
 * Proxy over a null-prototype, non-extensible target that holds one
 * writable, enumerable, non-configurable property per export, so that every
 * Proxy invariant holds while reads go live through the export cells.
 */
import { getExportedNames, resolveExport } from './link-modules.js';
import { AMBIGUOUS, NAMESPACE, type ModuleInstance } from './module-instance.js';

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
  return cell === undefined ? undefined : cell.read;
}

/** GetModuleNamespace(module): created once per instance. */
export function getNamespace(module: ModuleInstance): object {
  if (module.namespace !== undefined) return module.namespace;
  const readers = new Map<string, () => unknown>();
  for (const name of getExportedNames(module)) {
    const reader = readerFor(module, name);
    if (reader !== undefined) readers.set(name, reader);
  }
  // Code-unit order, as the spec sorts (an ordinary object would put "9" before "10").
  const names = [...readers.keys()].sort();
  const target: object = Object.create(null);
  for (const name of names) Object.defineProperty(target, name, { value: undefined, writable: true, enumerable: true, configurable: false });
  Object.defineProperty(target, Symbol.toStringTag, { value: 'Module', writable: false, enumerable: false, configurable: false });
  Object.preventExtensions(target);
  const keys: Array<string | symbol> = [...names, Symbol.toStringTag];
  const descriptor = (key: string): PropertyDescriptor | undefined => {
    const read = readers.get(key);
    return read === undefined ? undefined : { value: read(), writable: true, enumerable: true, configurable: false };
  };
  const namespace = new Proxy(target, {
    get(t, key) {
      if (typeof key === 'symbol') return Reflect.get(t, key);
      const read = readers.get(key);
      return read === undefined ? undefined : read();
    },
    getOwnPropertyDescriptor(t, key) {
      return typeof key === 'symbol' ? Reflect.getOwnPropertyDescriptor(t, key) : descriptor(key);
    },
    has(t, key) {
      return typeof key === 'symbol' ? Reflect.has(t, key) : readers.has(key);
    },
    ownKeys() {
      return keys.slice();
    },
    set() {
      return false;
    },
    deleteProperty(t, key) {
      return typeof key === 'symbol' ? Reflect.deleteProperty(t, key) : !readers.has(key);
    },
    defineProperty(t, key, desc) {
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
