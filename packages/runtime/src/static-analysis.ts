/**
 * Turns a `bindings` list (proposal shapes, docs/record-format.md) into the
 * entry lists of ECMA-262 ParseModule: module requests, import entries,
 * local / indirect / star export entries. Computed once per bindings list.
 */
import type { Binding } from './record-types.js';

/** A distinct (specifier, attributes) pair, in order of first appearance. */
export interface ModuleRequest {
  specifier: string;
  /** Sorted by key; a fresh copy is handed to each hook call. */
  attributes: Record<string, string>;
  key: string;
}

/** `importName` is `'*'` for a namespace import. */
export interface ImportEntry {
  request: ModuleRequest;
  importName: string;
  localName: string;
}

export interface LocalExportEntry {
  exportName: string;
  localName: string;
}

/** `importName` is `'*'` for `export * as ns from`. */
export interface IndirectExportEntry {
  exportName: string;
  request: ModuleRequest;
  importName: string;
}

export interface StaticAnalysis {
  requests: ModuleRequest[];
  imports: ImportEntry[];
  localExports: LocalExportEntry[];
  indirectExports: IndirectExportEntry[];
  starExports: ModuleRequest[];
  /** Local and indirect exports by export name (ResolveExport looks names up here). */
  exportsByName: Map<string, LocalExportEntry | IndirectExportEntry>;
}

/** Whether an entry of `exportsByName` is an indirect export. */
export function isIndirectExport(entry: LocalExportEntry | IndirectExportEntry): entry is IndirectExportEntry {
  return 'request' in entry;
}

const cache = new WeakMap<readonly Binding[], StaticAnalysis>();

/** Shared by every request without attributes; hooks get a fresh copy. */
const NO_ATTRIBUTES: Record<string, string> = /* @__PURE__ */ Object.freeze({});

/** A SyntaxError naming the module (when known) and the offending entry. */
function bindingError(what: string, entry: unknown, where: string | undefined): SyntaxError {
  return new SyntaxError(`${what} in the bindings of ${where ?? 'a module source'}: ${JSON.stringify(entry)}`);
}

/** Analyses `bindings`; throws a SyntaxError for malformed entries or duplicate export names. */
export function analyzeBindings(bindings: readonly Binding[], where?: string): StaticAnalysis {
  const cached = cache.get(bindings);
  if (cached !== undefined) return cached;
  const requests: ModuleRequest[] = [];
  const byKey = new Map<string, ModuleRequest>();
  const imports: ImportEntry[] = [];
  const importsByLocal = new Map<string, ImportEntry>();
  const exports: LocalExportEntry[] = [];
  const indirectExports: IndirectExportEntry[] = [];
  const starExports: ModuleRequest[] = [];
  // The helpers read the entry being analysed (one set of closures per list, not per entry).
  let entry: Record<string, unknown> = {};
  const name = (key: string): string => {
    const value = entry[key];
    if (typeof value !== 'string') throw bindingError(`\`${key}\` must be a string`, entry, where);
    return value;
  };
  const nameOr = (key: string, fallback: string): string => (entry[key] === undefined ? fallback : name(key));
  const request = (key: string): ModuleRequest => {
    const specifier = name(key);
    const attributes = entry.attributes as Record<string, unknown> | undefined;
    const keys = attributes === undefined || attributes === null ? [] : Object.keys(attributes).sort();
    let sorted = NO_ATTRIBUTES;
    let requestKey = specifier;
    if (keys.length > 0) {
      sorted = {};
      for (const k of keys) sorted[k] = String((attributes as Record<string, unknown>)[k]);
      requestKey = `${specifier}\u0000${JSON.stringify(sorted)}`;
    }
    let found = byKey.get(requestKey);
    if (found === undefined) {
      found = { specifier, attributes: sorted, key: requestKey };
      byKey.set(requestKey, found);
      requests.push(found);
    }
    return found;
  };
  const addImport = (from: ModuleRequest, importName: string, localName: string): void => {
    const imported: ImportEntry = { request: from, importName, localName };
    imports.push(imported);
    importsByLocal.set(localName, imported);
  };
  for (entry of bindings as readonly Record<string, unknown>[]) {
    if (entry === null || typeof entry !== 'object') throw bindingError('An entry must be an object', entry, where);
    if ('import' in entry) {
      const importName = name('import');
      addImport(request('from'), importName, nameOr('as', importName));
    } else if ('importAllFrom' in entry) {
      addImport(request('importAllFrom'), '*', name('as'));
    } else if ('importFrom' in entry) {
      request('importFrom');
    } else if ('exportAllFrom' in entry) {
      const from = request('exportAllFrom');
      if (entry.as === undefined) starExports.push(from);
      else indirectExports.push({ exportName: name('as'), request: from, importName: '*' });
    } else if ('export' in entry) {
      const localName = name('export');
      const exportName = nameOr('as', localName);
      if (entry.from !== undefined) indirectExports.push({ exportName, request: request('from'), importName: localName });
      else exports.push({ exportName, localName });
    } else {
      throw bindingError('Unknown binding entry', entry, where);
    }
  }
  // ParseModule: a local export of an imported name is an indirect export,
  // unless the import is a namespace import.
  const localExports: LocalExportEntry[] = [];
  for (const e of exports) {
    const imported = importsByLocal.get(e.localName);
    if (imported === undefined || imported.importName === '*') localExports.push(e);
    else indirectExports.push({ exportName: e.exportName, request: imported.request, importName: imported.importName });
  }
  const exportsByName = new Map<string, LocalExportEntry | IndirectExportEntry>();
  for (const entry of [...localExports, ...indirectExports]) {
    if (exportsByName.has(entry.exportName)) throw bindingError(`Duplicate export '${entry.exportName}'`, entry, where);
    exportsByName.set(entry.exportName, entry);
  }
  const analysis: StaticAnalysis = { requests, imports, localExports, indirectExports, starExports, exportsByName };
  cache.set(bindings, analysis);
  return analysis;
}
