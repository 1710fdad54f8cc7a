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

/** The key of a (specifier, attributes) pair: the specifier alone when there are no attributes. */
export function requestKey(specifier: string, sortedAttributes: Record<string, string>): string {
  return sortedAttributes === NO_ATTRIBUTES || Object.keys(sortedAttributes).length === 0 ? specifier : `${specifier}\u0000${JSON.stringify(sortedAttributes)}`;
}

/** A SyntaxError naming the module (when known) and the offending entry. */
function bindingError(what: string, entry: unknown, where: string | undefined): SyntaxError {
  return new SyntaxError(`${what} in the bindings of ${where ?? 'a module source'}: ${JSON.stringify(entry)}`);
}

/** A string-valued member of a binding entry, or the SyntaxError naming it. */
function stringMember(entry: Record<string, unknown>, key: string, value: unknown, where: string | undefined): string {
  if (typeof value !== 'string') throw bindingError(`\`${key}\` must be a string`, entry, where);
  return value;
}

/**
 * Analyses `bindings`; throws a SyntaxError for malformed entries or duplicate export names.
 *
 * One pass, one shape test per entry: its kind is the first of `import`,
 * `importAllFrom`, `importFrom`, `exportAllFrom`, `export` that it has
 * (`in`, so a member holding undefined still counts and is reported), and
 * members are read by name rather than through per-entry helper calls, since
 * this runs once per module at start-up, mostly before V8 optimises it.
 */
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
  const request = (entry: Record<string, unknown>, key: string, value: unknown): ModuleRequest => {
    const specifier = stringMember(entry, key, value, where);
    const attributes = entry.attributes as Record<string, unknown> | undefined;
    let sorted = NO_ATTRIBUTES;
    if (attributes != null) {
      const keys = Object.keys(attributes).sort();
      if (keys.length > 0) {
        sorted = {};
        for (const k of keys) sorted[k] = String(attributes[k]);
      }
    }
    const pairKey = requestKey(specifier, sorted);
    let found = byKey.get(pairKey);
    if (found === undefined) {
      found = { specifier, attributes: sorted, key: pairKey };
      byKey.set(pairKey, found);
      requests.push(found);
    }
    return found;
  };
  const list = bindings as readonly Record<string, unknown>[];
  for (let i = 0; i < list.length; i++) {
    const entry = list[i];
    if (entry === null || typeof entry !== 'object') throw bindingError('An entry must be an object', entry, where);
    if ('import' in entry) {
      const importName = stringMember(entry, 'import', entry.import, where);
      const from = request(entry, 'from', entry.from);
      const as = entry.as;
      const localName = as === undefined ? importName : stringMember(entry, 'as', as, where);
      const imported: ImportEntry = { request: from, importName, localName };
      imports.push(imported);
      importsByLocal.set(localName, imported);
    } else if ('importAllFrom' in entry) {
      const from = request(entry, 'importAllFrom', entry.importAllFrom);
      const localName = stringMember(entry, 'as', entry.as, where);
      const imported: ImportEntry = { request: from, importName: '*', localName };
      imports.push(imported);
      importsByLocal.set(localName, imported);
    } else if ('importFrom' in entry) {
      request(entry, 'importFrom', entry.importFrom);
    } else if ('exportAllFrom' in entry) {
      const from = request(entry, 'exportAllFrom', entry.exportAllFrom);
      const as = entry.as;
      if (as === undefined) starExports.push(from);
      else indirectExports.push({ exportName: stringMember(entry, 'as', as, where), request: from, importName: '*' });
    } else if ('export' in entry) {
      // The most common entry by far: its checks are written out.
      const localName = entry.export;
      if (typeof localName !== 'string') throw bindingError('`export` must be a string', entry, where);
      const as = entry.as;
      let exportName = localName;
      if (as !== undefined) {
        if (typeof as !== 'string') throw bindingError('`as` must be a string', entry, where);
        exportName = as;
      }
      const from = entry.from;
      if (from !== undefined) indirectExports.push({ exportName, request: request(entry, 'from', from), importName: localName });
      else exports.push({ exportName, localName });
    } else {
      throw bindingError('Unknown binding entry', entry, where);
    }
  }
  // ParseModule: a local export of an imported name is an indirect export,
  // unless the import is a namespace import.
  let localExports = exports;
  if (importsByLocal.size > 0) {
    localExports = [];
    for (let i = 0; i < exports.length; i++) {
      const e = exports[i];
      const imported = importsByLocal.get(e.localName);
      if (imported === undefined || imported.importName === '*') localExports.push(e);
      else indirectExports.push({ exportName: e.exportName, request: imported.request, importName: imported.importName });
    }
  }
  // A duplicate export name leaves the map's size unchanged (one lookup per name, not two).
  const exportsByName = new Map<string, LocalExportEntry | IndirectExportEntry>();
  const total = localExports.length + indirectExports.length;
  for (let i = 0; i < total; i++) {
    const e = i < localExports.length ? localExports[i] : indirectExports[i - localExports.length];
    exportsByName.set(e.exportName, e);
    if (exportsByName.size !== i + 1) throw bindingError(`Duplicate export '${e.exportName}'`, e, where);
  }
  const analysis: StaticAnalysis = { requests, imports, localExports, indirectExports, starExports, exportsByName };
  cache.set(bindings, analysis);
  return analysis;
}
