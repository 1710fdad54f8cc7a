/**
 * Instantiation of a precompiled record: builds the module handle `$h`
 * (docs/record-format.md), calls the functor and takes its first `yield`
 * (setters, getters, hoisted export names).
 */
import { importDynamically } from './dynamic-import.js';
import { buildGlobalScope, typeofGlobal } from './global-scope.js';
import { importMetaOf, type ExportCell, type ModuleInstance } from './module-instance.js';
import type { InstantiationRecord, ModuleHandle, ModuleRecord } from './record-types.js';
import { beforeInitialization, isThenable } from './shared-helpers.js';

/**
 * Export cells by name in a plain object rather than a Map: `$h.x` is called
 * on every write to an exported binding, and with a constant name at each
 * call site V8 turns `table[name]` into an inline-cached property load.
 */
const cellTables = new WeakMap<ModuleInstance, Record<string, ExportCell>>();

/** Marks an export cell initialised and pushes its current value to importers. */
function notify(table: Record<string, ExportCell>, name: string): void {
  const cell = table[name];
  // Only own cells have subscribers; inherited Object.prototype members do not.
  if (cell === undefined || cell.subscribers === undefined) return;
  cell.initialized = true;
  const subscribers = cell.subscribers;
  if (subscribers.length === 0) return;
  const value = cell.read();
  for (let j = 0; j < subscribers.length; j++) subscribers[j](value);
}

/** Builds `$h` for one instance of a record. */
export function buildHandle(instance: ModuleInstance, record: ModuleRecord): ModuleHandle {
  const global = instance.host.globalThis;
  const table: Record<string, ExportCell> = {};
  cellTables.set(instance, table);
  const subscribed: boolean[] = [];
  const handle: ModuleHandle = {
    g: buildGlobalScope(global, Array.isArray(record.globals) ? record.globals : []),
    // Reached only when an import local holds null or undefined: the real
    // value, or the TDZ error. Linking leaves a record's setters unsubscribed
    // (link-modules.ts): the first read of an initialised import subscribes
    // its setter, so the local holds the value from then on and follows
    // every change.
    k(index: number): unknown {
      const cell = instance.importCells[index];
      if (cell === undefined || !cell.initialized) throw beforeInitialization(instance.source.analysis.imports[index].localName);
      const value = cell.read();
      if (subscribed[index] !== true) {
        subscribed[index] = true;
        const setter = instance.setters[index];
        cell.subscribers.push(setter);
        setter(value);
      }
      return value;
    },
    // Usually one name: a fixed parameter avoids allocating a rest array per write.
    x<T>(value: T, exportName: string, ...moreNames: string[]): T {
      notify(table, exportName);
      for (let i = 0; i < moreNames.length; i++) notify(table, moreNames[i]);
      return value;
    },
    y: (name: string) => typeofGlobal(global, name),
    c(name: string): never {
      throw new TypeError(`Assignment to constant variable '${name}' (an imported binding is read-only)`);
    },
    i: (specifier: unknown, options?: unknown) => importDynamically(instance, specifier, options),
  };
  if (instance.source.needsImportMeta) handle.m = importMetaOf(instance);
  return handle;
}

function malformed(instance: ModuleInstance, what: string): TypeError {
  return new TypeError(`The module record of ${instance.name} is malformed: ${what}. Rebuild it with @hermetic/module-source.`);
}

function install(instance: ModuleInstance, result: IteratorResult<InstantiationRecord, void>): void {
  if (result.done || !Array.isArray(result.value)) throw malformed(instance, 'its functor did not yield [setters, getters, hoisted]');
  const [setters, getters, hoisted] = result.value;
  const { imports, localExports } = instance.source.analysis;
  if (!Array.isArray(setters) || setters.length !== imports.length) {
    throw malformed(instance, `expected ${imports.length} import setters, got ${Array.isArray(setters) ? setters.length : typeof setters}`);
  }
  instance.setters = setters;
  const table = cellTables.get(instance) as Record<string, ExportCell>;
  const cells = instance.cells;
  for (let i = 0; i < localExports.length; i++) {
    const exportName = localExports[i].exportName;
    const read = getters[exportName];
    if (typeof read !== 'function') throw malformed(instance, `no getter for the export '${exportName}'`);
    const cell: ExportCell = { read, initialized: false, subscribers: [] };
    cells.set(exportName, cell);
    if (exportName === '__proto__') Object.defineProperty(table, exportName, { value: cell, enumerable: true });
    else table[exportName] = cell;
  }
  // Usually a few names (hoisted functions): marked afterwards rather than looked up per export.
  if (Array.isArray(hoisted)) {
    for (let i = 0; i < hoisted.length; i++) {
      const cell = cells.get(hoisted[i]);
      if (cell !== undefined) cell.initialized = true;
    }
  }
}

/** Calls the functor up to its first yield; returns a promise when the functor is async. */
export function instantiateRecord(instance: ModuleInstance, record: ModuleRecord): void | Promise<void> {
  const generator = record.functor.call(undefined, buildHandle(instance, record));
  const first = generator.next();
  instance.execute = () => generator.next();
  if (isThenable(first)) {
    return (first as Promise<IteratorResult<InstantiationRecord, void>>).then((result) => install(instance, result));
  }
  install(instance, first as IteratorResult<InstantiationRecord, void>);
}
