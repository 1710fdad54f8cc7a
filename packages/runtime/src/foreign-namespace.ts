/**
 * A module instance over an arbitrary object (`{ namespace: object }`
 * descriptors): its own enumerable string keys, read at load time, become
 * exports that read the object live. A Hermetic namespace maps back to its
 * own instance instead, so identity is kept.
 */
import { UNLINKED, createInstance, type ExportCell, type ModuleHost, type ModuleInstance } from './module-instance.js';
import { sourceInternals, type SourceInternals } from './module-source.js';
import { instanceOfNamespace } from './namespace-object.js';

const wrappers = new WeakMap<object, ModuleInstance>();

/** The instance whose namespace is (or reads through to) `namespace`. */
export function instanceForNamespaceObject(namespace: object, host: ModuleHost, name: string): ModuleInstance {
  const own = instanceOfNamespace(namespace);
  if (own !== undefined) return own;
  let instance = wrappers.get(namespace);
  if (instance !== undefined) return instance;
  const keys = Object.keys(namespace);
  // The internals of a virtual source exporting the keys, without the source itself: there is no code to run.
  const source: SourceInternals = { ...sourceInternals({ bindings: keys.map((key) => ({ export: key })) }, name), virtual: undefined };
  instance = createInstance(source, host, name);
  for (const key of keys) {
    const cell: ExportCell = { get: () => (namespace as Record<string, unknown>)[key], index: 0, initialized: true, subscribers: [] };
    instance.cells.set(key, cell);
  }
  instance.instantiated = true;
  instance.status = UNLINKED;
  wrappers.set(namespace, instance);
  return instance;
}
