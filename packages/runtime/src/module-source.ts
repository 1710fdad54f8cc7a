/**
 * `ModuleSource`: the compiled, instance-independent part of a module (a
 * precompiled record or a virtual module source), optionally carrying the
 * import-hook proposal's handler.
 */
import { requireCompiler } from './compiler-slot.js';
import { describe, isObject, notAn, readHook } from './shared-helpers.js';
import type { Binding, ModuleRecord } from './record-types.js';
import { analyzeBindings, type StaticAnalysis } from './static-analysis.js';
import { isVirtualModuleSource, type VirtualModuleSource } from './virtual-source.js';

/** The import-hook proposal's handler, captured by `new ModuleSource(source, handler)`. */
export interface ModuleSourceHandler {
  importHook?(specifier: string, attributes: Record<string, string>): unknown;
  importMetaHook?(meta: object): void;
}

/** What the linker needs from any source: a record or a virtual source, analysed. */
export interface SourceInternals {
  record: ModuleRecord | undefined;
  virtual: VirtualModuleSource | undefined;
  bindings: readonly Binding[];
  analysis: StaticAnalysis;
  needsImport: boolean;
  needsImportMeta: boolean;
  hasTopLevelAwait: boolean;
  /** Present only for a source built with a handler. */
  handler: CapturedHandler | undefined;
}

/** Hooks read once from a handler; called with the handler as `this`. */
export interface CapturedHandler {
  target: object;
  importHook: ((specifier: string, attributes: Record<string, string>) => unknown) | undefined;
  importMetaHook: ((meta: object) => void) | undefined;
}

const internalsOf = new WeakMap<object, SourceInternals>();
const recordInternals = new WeakMap<object, SourceInternals>();

/** Reads a handler's hooks once; a hook that is present but not callable is a TypeError. */
export function captureHandler(handler: unknown, what: string): CapturedHandler | undefined {
  if (handler === undefined) return undefined;
  if (!isObject(handler)) throw new TypeError(`${what}: the handler must be an object or undefined, got ${describe(handler)}`);
  return {
    target: handler,
    importHook: readHook(handler, 'importHook', `${what}: handler.`),
    importMetaHook: readHook(handler, 'importMetaHook', `${what}: handler.`),
  };
}

/**
 * The internals of a ModuleSource, or of a record or virtual source
 * (analysed once per object); anything else is a TypeError naming `where`.
 */
export function sourceInternals(value: unknown, where: string): SourceInternals {
  let internals = internalsOf.get(value as object) ?? recordInternals.get(value as object);
  if (internals) return internals;
  const source = value as ModuleRecord & VirtualModuleSource;
  const record = isObject(value) && typeof source.functor === 'function' && 'format' in source ? source : undefined;
  if (record && record.format !== 2 && record.format !== 1) {
    throw new TypeError(`${where}: unknown record format ${String(record.format)}; rebuild it with a matching @hermetic/module-source`);
  }
  if (!record && !isVirtualModuleSource(value)) {
    throw new TypeError(`${where}: expected a ModuleSource, module record or virtual module source, got ${describe(value)}`);
  }
  const bindings = Array.isArray(source.bindings) ? source.bindings : [];
  internals = {
    record,
    virtual: record ? undefined : source,
    bindings,
    analysis: analyzeBindings(bindings, where),
    needsImport: source.needsImport === true,
    needsImportMeta: source.needsImportMeta === true,
    hasTopLevelAwait: record ? source.hasTopLevelAwait === true : Object.prototype.toString.call(source.execute) === '[object AsyncFunction]',
    handler: undefined,
  };
  recordInternals.set(value as object, internals);
  return internals;
}

/** The internals of a ModuleSource, or undefined for anything else. */
export function getSourceInternals(value: unknown): SourceInternals | undefined {
  // WeakMap#get answers undefined for primitives, so any value can be looked up.
  return internalsOf.get(value as object);
}

function read<K extends keyof SourceInternals>(receiver: unknown, member: K): SourceInternals[K] {
  const internals = getSourceInternals(receiver);
  if (!internals) throw notAn('ModuleSource', member);
  return internals[member];
}

function copyBinding(entry: Binding): Binding {
  const copy = { ...entry } as Binding & { attributes?: Record<string, string> };
  if (copy.attributes !== undefined) copy.attributes = { ...copy.attributes };
  return copy;
}

/**
 * A module's source: `new ModuleSource(text)` (needs a compiler, see
 * compiler-slot.ts), `new ModuleSource(record)` for a precompiled record
 * (format 2, or 1), `new ModuleSource(virtualSource)`, or
 * `new ModuleSource(otherSource, handler)` for a new identity with the same
 * code and the handler's `importHook` / `importMetaHook`.
 */
export class ModuleSource {
  constructor(source: string | ModuleRecord | VirtualModuleSource | ModuleSource, handler?: ModuleSourceHandler) {
    const base = sourceInternals(
      typeof source === 'string' ? requireCompiler('new ModuleSource(text)').compileModule(source, {}) : source,
      'new ModuleSource(source)',
    );
    const captured = captureHandler(handler, 'new ModuleSource(source, handler)');
    internalsOf.set(this, { ...base, handler: captured ?? base.handler });
  }

  /** The static analysis; a fresh copy on every read, so mutating it cannot affect linking. */
  get bindings(): Binding[] {
    return read(this, 'bindings').map(copyBinding);
  }

  /** Whether the module uses dynamic `import()`. */
  get needsImport(): boolean {
    return read(this, 'needsImport');
  }

  /** Whether the module uses `import.meta`. */
  get needsImportMeta(): boolean {
    return read(this, 'needsImportMeta');
  }

  /** Whether the module uses top-level `await` (Hermetic extension). */
  get hasTopLevelAwait(): boolean {
    return read(this, 'hasTopLevelAwait');
  }

  /** `'ModuleSource'` for a ModuleSource, undefined otherwise (as the source-phase proposal's getter). */
  get [Symbol.toStringTag](): string | undefined {
    return getSourceInternals(this) && 'ModuleSource';
  }
}
