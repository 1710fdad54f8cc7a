/**
 * A module instance over an arbitrary object (`{ namespace: object }`
 * descriptors): its own enumerable string keys, read at load time, become
 * exports that read the object live. A Hermetic namespace maps back to its
 * own instance instead, so identity is kept.
 */
import { UNLINKED, createInstance, type ExportCell, type ModuleHost, type ModuleInstance } from './module-instance.js';
import type { SourceInternals } from './module-source.js';
import { instanceOfNamespace } from './namespace-object.js';
import { analyzeBindings } from './static-analysis.js';

const wrappers = new WeakMap<object, ModuleInstance>();

/** The instance whose namespace is (or reads through to) `namespace`. */
export function instanceForNamespaceObject(namespace: object, host: ModuleHost, name: string): ModuleInstance {
  const own = instanceOfNamespace(namespace);
  if (own !== undefined) return own;
  let instance = wrappers.get(namespace);
  if (instance !== undefined) return instance;
  const keys = Object.keys(namespace);
  const bindings = keys.map((key) => ({ export: key }));
  const source: SourceInternals = {
    record: undefined,
    virtual: undefined,
    bindings,
    analysis: analyzeBindings(bindings),
    needsImport: false,
    needsImportMeta: false,
    hasTopLevelAwait: false,
    handler: undefined,
  };
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
