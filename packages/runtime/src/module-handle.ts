/**
 * Instantiation of a precompiled record: builds the module handle `$h`
 * (docs/record-format.md), calls the functor and takes its first `yield`
 * (setters, getters, hoisted export names).
 */
import { importDynamically } from './dynamic-import.js';
import { buildGlobalScope, typeofGlobal } from './global-scope.js';
import { importMetaOf, type ExportCell, type ModuleInstance } from './module-instance.js';
import type { InstantiationRecord, ModuleHandle, ModuleRecord } from './record-types.js';

/** The uninitialised sentinel `$h.u`, shared by every instance. */
const UNINITIALIZED: object = /* @__PURE__ */ Object.freeze(Object.create(null));

/** Marks export cells initialised and pushes their current values to importers. */
function notify(cells: Map<string, ExportCell>, names: string[]): void {
  for (let i = 0; i < names.length; i++) {
    const cell = cells.get(names[i]);
    if (cell === undefined) continue;
    cell.initialized = true;
    const subscribers = cell.subscribers;
    if (subscribers.length === 0) continue;
    const value = cell.read();
    for (let j = 0; j < subscribers.length; j++) subscribers[j](value);
  }
}

/** Builds `$h` for one instance of a record. */
export function buildHandle(instance: ModuleInstance, record: ModuleRecord): ModuleHandle {
  const global = instance.host.globalThis;
  const cells = instance.cells;
  const handle: ModuleHandle = {
    g: buildGlobalScope(global, Array.isArray(record.globals) ? record.globals : []),
    u: UNINITIALIZED,
    t(name: string): never {
      throw new ReferenceError(`Cannot access '${name}' before initialization`);
    },
    x<T>(value: T, ...exportNames: string[]): T {
      notify(cells, exportNames);
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
  const initialized = new Set(Array.isArray(hoisted) ? hoisted : []);
  for (const { exportName } of localExports) {
    const read = getters[exportName];
    if (typeof read !== 'function') throw malformed(instance, `no getter for the export '${exportName}'`);
    instance.cells.set(exportName, { read, initialized: initialized.has(exportName), subscribers: [] });
  }
}

/** Calls the functor up to its first yield; returns a promise when the functor is async. */
export function instantiateRecord(instance: ModuleInstance, record: ModuleRecord): void | Promise<void> {
  const generator = record.functor.call(undefined, buildHandle(instance, record));
  const first = generator.next();
  instance.execute = () => generator.next();
  if (first instanceof Promise || typeof (first as { then?: unknown }).then === 'function') {
    return (first as Promise<IteratorResult<InstantiationRecord, void>>).then((result) => install(instance, result));
  }
  install(instance, first as IteratorResult<InstantiationRecord, void>);
}
