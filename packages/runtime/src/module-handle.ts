/**
 * Instantiation of a precompiled record: builds the module handle `$h`
 * (docs/record-format.md), calls the functor and takes its first `yield`
 * (setter, getter, hoisted export names; format 1: one function per binding).
 */
import { importDynamically } from './dynamic-import.js';
import { buildGlobalScope, typeofGlobal } from './global-scope.js';
import { importMetaOf, publish, readCell, type ExportCell, type ImportSetter, type ModuleInstance } from './module-instance.js';
import type { FormatOneInstantiationRecord, InstantiationRecord, ModuleHandle, ModuleRecord } from './record-types.js';
import { assignToConstant, beforeInitialization, isObject, isThenable } from './shared-helpers.js';

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
  if (cell.subscribers.length !== 0) publish(cell, readCell(cell));
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
      const value = readCell(cell);
      if (subscribed[index] !== true) {
        subscribed[index] = true;
        const set = instance.set;
        cell.subscribers.push(set, index);
        set(index, value);
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
      throw assignToConstant(name, ' (an imported binding)');
    },
    i: (specifier: unknown, options?: unknown) => importDynamically(instance, specifier, options),
  };
  if (instance.source.needsImportMeta) handle.m = importMetaOf(instance);
  return handle;
}

function malformed(instance: ModuleInstance, what: string): TypeError {
  return new TypeError(`The module record of ${instance.name} is malformed: ${what}; rebuild it with @hermetic/module-source`);
}

type Getter = (index: number) => unknown;
type FirstYield = InstantiationRecord | FormatOneInstantiationRecord;

function install(instance: ModuleInstance, result: IteratorResult<FirstYield, void>): void {
  const first = result.value;
  if (result.done || !Array.isArray(first)) throw malformed(instance, 'its functor did not yield [setter, getter, hoisted]');
  const { imports, localExports } = instance.source.analysis;
  let [set, get, hoisted] = first as [unknown, unknown, unknown];
  if ((instance.source.record as ModuleRecord).format === 1) {
    // One function per binding: setters by import index, getters by export name.
    const setters = set as FormatOneInstantiationRecord[0];
    const getters = get as Record<string, unknown>;
    if (!Array.isArray(setters) || setters.length !== imports.length) {
      throw malformed(instance, `expected ${imports.length} import setters, got ${Array.isArray(setters) ? setters.length : typeof setters}`);
    }
    const reads = localExports.map(({ exportName }) => {
      const read = isObject(getters) ? getters[exportName] : undefined;
      if (typeof read !== 'function') throw malformed(instance, `no getter for the export '${exportName}'`);
      return read as () => unknown;
    });
    set = (index: number, value: unknown) => setters[index](value);
    get = (index: number) => reads[index]();
  } else {
    // A function each, or `0` when there is nothing to set or get.
    const check = (fn: unknown, count: number, what: string, of: string): void => {
      if (typeof fn !== 'function' && !(fn === 0 && count === 0)) throw malformed(instance, `expected an ${what} function for ${count} ${of}, got ${typeof fn}`);
    };
    check(set, imports.length, 'import setter', 'import entries');
    check(get, localExports.length, 'export getter', 'local exports');
  }
  instance.set = set as ImportSetter;
  const table = cellTables.get(instance) as Record<string, ExportCell>;
  const cells = instance.cells;
  for (let i = 0; i < localExports.length; i++) {
    const exportName = localExports[i].exportName;
    const cell: ExportCell = { get: get as Getter, index: i, initialized: false, subscribers: [] };
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
    return (first as Promise<IteratorResult<FirstYield, void>>).then((result) => install(instance, result));
  }
  install(instance, first as IteratorResult<FirstYield, void>);
}
