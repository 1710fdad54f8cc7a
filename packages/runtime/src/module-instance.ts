/**
 * The linker's per-instance state: ECMA-262's Cyclic Module Record fields
 * plus the export cells through which live bindings flow.
 */
import type { SourceInternals } from './module-source.js';
import type { ModuleRequest } from './static-analysis.js';

/**
 * ECMA-262's [[Status]] values, numbered in the order a module goes through
 * them, so `status >= EVALUATING_ASYNC` reads "evaluating-async or evaluated".
 */
export const NEW = 0;
export const UNLINKED = 1;
export const LINKED = 2;
export const EVALUATING = 3;
export const EVALUATING_ASYNC = 4;
export const EVALUATED = 5;
export type ModuleStatus = typeof NEW | typeof UNLINKED | typeof LINKED | typeof EVALUATING | typeof EVALUATING_ASYNC | typeof EVALUATED;

/** Sets an instance's import entry `index` (a record's setter, docs/record-format.md). */
export type ImportSetter = (index: number, value: unknown) => void;

/** One exported local binding: importers subscribe setters to it. */
export interface ExportCell {
  /** `get(index)` reads the binding; throws ReferenceError while it is in its TDZ. */
  get: (index: number) => unknown;
  index: number;
  initialized: boolean;
  /** Flat (setter, import index) pairs: no pair object per subscription. */
  subscribers: Array<ImportSetter | number>;
}

/** The current value of an export cell. */
export function readCell(cell: ExportCell): unknown {
  return cell.get(cell.index);
}

/** Makes `set(index, value)` follow every change of `cell`. */
export function subscribe(cell: ExportCell, set: ImportSetter, index: number): void {
  cell.subscribers.push(set, index);
}

/** Pushes `value` to every subscriber of `cell`. */
export function publish(cell: ExportCell, value: unknown): void {
  const subscribers = cell.subscribers;
  for (let j = 0; j < subscribers.length; j += 2) (subscribers[j] as ImportSetter)(subscribers[j + 1] as number, value);
}

/** The setter of an instance without imports. */
const noImports: ImportSetter = () => undefined;

/** Where an instance's imports and `import.meta` come from. */
export interface ModuleHost {
  globalThis: object;
  /** Returns the instance a request of `referrer` resolves to; sync mode must not return a promise. */
  load(referrer: ModuleInstance, request: ModuleRequest, sync: boolean): ModuleInstance | Promise<ModuleInstance>;
  /** Fills `import.meta` (once, before the body runs). */
  initializeImportMeta?(meta: object, instance: ModuleInstance): void;
}

/** A resolved binding: a local export cell of `module`, or its namespace. */
export interface ResolvedBinding {
  module: ModuleInstance;
  /** An export name of `module`'s local exports, or NAMESPACE. */
  bindingName: string | typeof NAMESPACE;
}

export const NAMESPACE: unique symbol = /* @__PURE__ */ Symbol('namespace');
export const AMBIGUOUS = 'ambiguous' as const;

/** Fields that start out undefined are optional, so a fresh instance need not list them. */
export interface ModuleInstance {
  /** The specifier or name used in error messages. */
  name: string;
  source: SourceInternals;
  host: ModuleHost;
  status: ModuleStatus;
  /** Modules this one's requests resolved to, by request key. */
  loaded: Map<string, ModuleInstance>;
  /** In-flight or finished hook calls, by request key: one call per (module, request). */
  loading: Map<string, ModuleInstance | Promise<ModuleInstance>>;
  /** The whole static graph below this module is loaded. */
  graphLoaded: Promise<void> | boolean;
  /** True once the functor yielded (or the virtual env exists); a promise while an async functor is getting there. */
  instantiated: boolean | Promise<void>;
  cells: Map<string, ExportCell>;
  /** Sets import entry `index` (entries in bindings order). */
  set: ImportSetter;
  /** The exporter's cell each (non-namespace) import entry linked to, in entry order: `$h.k` reads it. */
  importCells: Array<ExportCell | undefined>;
  /** Runs the body: undefined when done, or a promise for an async body. */
  execute?: () => unknown;
  /** Set once at link; namespace created on demand. */
  namespace?: object;
  resolutions: Map<string, ResolvedBinding | null | typeof AMBIGUOUS>;
  importMeta?: object;
  evaluationError?: { error: unknown };
  dfsIndex: number;
  dfsAncestorIndex: number;
  cycleRoot?: ModuleInstance;
  hasTopLevelAwait: boolean;
  asyncEvaluation: boolean;
  asyncEvaluationOrder: number;
  pendingAsyncDependencies: number;
  asyncParentModules: ModuleInstance[];
  topLevelCapability?: { promise: Promise<void>; resolve: () => void; reject: (error: unknown) => void };
  /** The public Module object, created on demand. */
  publicModule?: object;
}

/** A fresh, not yet instantiated instance of a source. */
export function createInstance(source: SourceInternals, host: ModuleHost, name: string): ModuleInstance {
  return {
    name,
    source,
    host,
    status: NEW,
    loaded: new Map(),
    loading: new Map(),
    graphLoaded: false,
    instantiated: false,
    cells: new Map(),
    set: noImports,
    importCells: [],
    resolutions: new Map(),
    dfsIndex: -1,
    dfsAncestorIndex: -1,
    hasTopLevelAwait: source.hasTopLevelAwait,
    asyncEvaluation: false,
    asyncEvaluationOrder: 0,
    pendingAsyncDependencies: 0,
    asyncParentModules: [],
  };
}

/** `import.meta` for an instance: a null-prototype object filled by the host once. */
export function importMetaOf(instance: ModuleInstance): object {
  if (instance.importMeta === undefined) {
    const meta: object = Object.create(null);
    instance.importMeta = meta;
    instance.host.initializeImportMeta?.(meta, instance);
  }
  return instance.importMeta;
}
