/**
 * Virtual module sources (Compartments layer 2): a module written as an
 * object `{ bindings?, execute?(env, context), needsImport?, needsImportMeta? }`.
 * `env` is a sealed object: imported names are read-only live views,
 * exported names are writable and push every write to importers.
 */
import { importDynamically } from './dynamic-import.js';
import { importMetaOf, publish, type ExportCell, type ModuleInstance } from './module-instance.js';
import type { Binding } from './record-types.js';
import { beforeInitialization, hasOwn, isBag } from './shared-helpers.js';

/** What `execute` receives as its second argument. */
export interface VirtualModuleContext {
  globalThis: object;
  /** Present only when the source says `needsImport`. */
  import?: (specifier: unknown, options?: unknown) => Promise<object>;
  /** Present only when the source says `needsImportMeta`. */
  importMeta?: object;
}

/** A module implemented in JavaScript rather than compiled from text. */
export interface VirtualModuleSource {
  bindings?: Binding[];
  needsImport?: boolean;
  needsImportMeta?: boolean;
  /** May be an async function: the module then behaves as one with top-level await. */
  execute?(env: Record<string, unknown>, context: VirtualModuleContext): void | Promise<void>;
}

/** Whether `value` can be used as a virtual module source. */
export function isVirtualModuleSource(value: unknown): value is VirtualModuleSource {
  if (!isBag(value)) return false;
  const v = value as Record<string, unknown>;
  return (
    v.functor === undefined &&
    (v.execute === undefined || typeof v.execute === 'function') &&
    (v.bindings === undefined || Array.isArray(v.bindings)) &&
    !('source' in v) &&
    !('namespace' in v)
  );
}

/** Builds the sealed env object and the export cells of a virtual module instance. */
export function instantiateVirtual(instance: ModuleInstance, virtual: VirtualModuleSource): void {
  const env: Record<string, unknown> = Object.create(null);
  const { imports, localExports } = instance.source.analysis;
  const values: unknown[] = [];
  const initialized: boolean[] = [];
  imports.forEach(({ localName }, index) => {
    Object.defineProperty(env, localName, {
      get() {
        if (initialized[index] !== true) throw beforeInitialization(localName);
        return values[index];
      },
      set() {
        throw new TypeError(`Cannot assign to '${localName}': it is an imported binding of ${instance.name}`);
      },
      enumerable: true,
    });
  });
  instance.set = (index, value) => {
    values[index] = value;
    initialized[index] = true;
  };
  // The export cells of each local name; none for `export { ns }` of
  // `import * as ns`, whose cell reads the import's live value.
  const cellsOf = new Map<string, ExportCell[]>();
  for (const { exportName, localName } of localExports) {
    let cells = cellsOf.get(localName);
    if (cells === undefined && !hasOwn(env, localName)) {
      let value: unknown;
      const created: ExportCell[] = [];
      cells = created;
      cellsOf.set(localName, created);
      Object.defineProperty(env, localName, {
        get: () => value,
        set(v: unknown) {
          value = v;
          for (const cell of created) publish(cell, v);
        },
        enumerable: true,
      });
    }
    const cell: ExportCell = { get: () => env[localName], index: 0, initialized: true, subscribers: [] };
    cells?.push(cell);
    instance.cells.set(exportName, cell);
  }
  Object.seal(env);
  const { execute } = virtual;
  instance.execute = () => {
    if (execute === undefined) return undefined;
    const context: VirtualModuleContext = { globalThis: instance.host.globalThis };
    if (instance.source.needsImport) context.import = (specifier, options) => importDynamically(instance, specifier, options);
    if (instance.source.needsImportMeta) context.importMeta = importMetaOf(instance);
    return execute.call(virtual, env, context);
  };
}
