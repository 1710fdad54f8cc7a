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

function sortedAttributes(attributes: Record<string, string> | undefined): Record<string, string> {
  const sorted: Record<string, string> = {};
  if (attributes !== undefined && attributes !== null) {
    for (const key of Object.keys(attributes).sort()) sorted[key] = String(attributes[key]);
  }
  return sorted;
}

function isName(value: unknown): value is string {
  return typeof value === 'string';
}

/** Analyses `bindings`; throws a SyntaxError for malformed entries or duplicate export names. */
export function analyzeBindings(bindings: readonly Binding[], where?: string): StaticAnalysis {
  const cached = cache.get(bindings);
  if (cached !== undefined) return cached;
  const requests: ModuleRequest[] = [];
  const byKey = new Map<string, ModuleRequest>();
  const request = (specifier: unknown, attributes: Record<string, string> | undefined, entry: unknown): ModuleRequest => {
    if (!isName(specifier)) throw bindingError('A module specifier must be a string', entry, where);
    let key = specifier;
    let sorted = NO_ATTRIBUTES;
    if (attributes !== undefined && attributes !== null && Object.keys(attributes).length > 0) {
      sorted = sortedAttributes(attributes);
      key = `${specifier}\u0000${JSON.stringify(sorted)}`;
    }
    let found = byKey.get(key);
    if (found === undefined) {
      found = { specifier, attributes: sorted, key };
      byKey.set(key, found);
      requests.push(found);
    }
    return found;
  };
  const imports: ImportEntry[] = [];
  const importsByLocal = new Map<string, ImportEntry>();
  const exports: Array<{ exportName: string; localName: string }> = [];
  const indirectExports: IndirectExportEntry[] = [];
  const starExports: ModuleRequest[] = [];
  for (const entry of bindings as readonly Record<string, unknown>[]) {
    if (entry === null || typeof entry !== 'object') throw bindingError('An entry must be an object', entry, where);
    const attributes = entry.attributes as Record<string, string> | undefined;
    if ('import' in entry) {
      if (!isName(entry.import)) throw bindingError('`import` must be a string', entry, where);
      const localName = entry.as === undefined ? entry.import : entry.as;
      if (!isName(localName)) throw bindingError('`as` must be a string', entry, where);
      const imported: ImportEntry = { request: request(entry.from, attributes, entry), importName: entry.import, localName };
      imports.push(imported);
      importsByLocal.set(localName, imported);
    } else if ('importAllFrom' in entry) {
      if (!isName(entry.as)) throw bindingError('`importAllFrom` needs `as`', entry, where);
      const imported: ImportEntry = { request: request(entry.importAllFrom, attributes, entry), importName: '*', localName: entry.as };
      imports.push(imported);
      importsByLocal.set(entry.as, imported);
    } else if ('importFrom' in entry) {
      request(entry.importFrom, attributes, entry);
    } else if ('exportAllFrom' in entry) {
      const from = request(entry.exportAllFrom, attributes, entry);
      if (entry.as === undefined) starExports.push(from);
      else if (isName(entry.as)) indirectExports.push({ exportName: entry.as, request: from, importName: '*' });
      else throw bindingError('`as` must be a string', entry, where);
    } else if ('export' in entry) {
      if (!isName(entry.export)) throw bindingError('`export` must be a string', entry, where);
      const exportName = entry.as === undefined ? entry.export : entry.as;
      if (!isName(exportName)) throw bindingError('`as` must be a string', entry, where);
      if (entry.from !== undefined) {
        indirectExports.push({ exportName, request: request(entry.from, attributes, entry), importName: entry.export });
      } else {
        exports.push({ exportName, localName: entry.export });
      }
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
    if (exportsByName.has(entry.exportName)) throw new SyntaxError(`Duplicate export of '${entry.exportName}' in ${where ?? 'a module source'}`);
    exportsByName.set(entry.exportName, entry);
  }
  const analysis: StaticAnalysis = { requests, imports, localExports, indirectExports, starExports, exportsByName };
  cache.set(bindings, analysis);
  return analysis;
}
