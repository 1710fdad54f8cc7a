/**
 * Linking (ECMA-262 Link / InitializeEnvironment / ResolveExport /
 * GetExportedNames). Every import of the graph is resolved before any
 * setter is connected, so a missing or ambiguous name is a SyntaxError
 * before any code runs.
 */
import { getNamespace } from './namespace-object.js';
import { AMBIGUOUS, LINKED, NAMESPACE, UNLINKED, readCell, subscribe, type ExportCell, type ModuleInstance, type ResolvedBinding } from './module-instance.js';
import { isIndirectExport } from './static-analysis.js';

type Resolution = ResolvedBinding | null | typeof AMBIGUOUS;

/** The module a request of `module` loaded (linking starts only once the whole graph is loaded). */
function requested(module: ModuleInstance, key: string): ModuleInstance {
  return module.loaded.get(key) as ModuleInstance;
}

/** `resolveSet` holds (module, exportName) pairs flat: no pair arrays, no iterator in the linker's hottest loop. */
function resolve(module: ModuleInstance, exportName: string, resolveSet: Array<ModuleInstance | string>): Resolution {
  for (let i = 0; i < resolveSet.length; i += 2) if (resolveSet[i] === module && resolveSet[i + 1] === exportName) return null; // circular import request
  resolveSet.push(module, exportName);
  const { exportsByName, starExports } = module.source.analysis;
  const e = exportsByName.get(exportName);
  if (e !== undefined) {
    if (!isIndirectExport(e)) return { module, bindingName: exportName };
    const imported = requested(module, e.request.key);
    if (e.importName === '*') return { module: imported, bindingName: NAMESPACE };
    // A local export ends the chain, whatever the resolveSet: the memoised answer is exact.
    const target = imported.source.analysis.exportsByName.get(e.importName);
    if (target !== undefined && !isIndirectExport(target)) return resolveExport(imported, e.importName);
    return resolve(imported, e.importName, resolveSet);
  }
  if (exportName === 'default') return null; // `export *` never provides default
  let starResolution: ResolvedBinding | null = null;
  for (const request of starExports) {
    const resolution = resolve(requested(module, request.key), exportName, resolveSet);
    if (resolution === AMBIGUOUS) return AMBIGUOUS;
    if (resolution === null) continue;
    if (starResolution === null) starResolution = resolution;
    else if (resolution.module !== starResolution.module || resolution.bindingName !== starResolution.bindingName) return AMBIGUOUS;
  }
  return starResolution;
}

/** ResolveExport(module, exportName), memoised per module once its graph is loaded. */
export function resolveExport(module: ModuleInstance, exportName: string): Resolution {
  // Never undefined once computed (a resolution, null or AMBIGUOUS).
  let resolution = module.resolutions.get(exportName);
  if (resolution === undefined) {
    const e = module.source.analysis.exportsByName.get(exportName);
    resolution = e !== undefined && !isIndirectExport(e) ? { module, bindingName: exportName } : resolve(module, exportName, []);
    module.resolutions.set(exportName, resolution);
  }
  return resolution;
}

/** GetExportedNames(module): local, indirect, then star names (default excluded, ambiguous kept). */
export function getExportedNames(module: ModuleInstance, exportStarSet = new Set<ModuleInstance>()): string[] {
  if (exportStarSet.has(module)) return [];
  exportStarSet.add(module);
  const { starExports } = module.source.analysis;
  const names = new Set<string>(module.source.analysis.exportsByName.keys());
  for (const request of starExports) {
    for (const name of getExportedNames(requested(module, request.key), exportStarSet)) {
      if (name !== 'default') names.add(name);
    }
  }
  return [...names];
}

function linkError(module: ModuleInstance, specifier: string, name: string, resolution: Resolution): SyntaxError {
  return new SyntaxError(
    resolution === AMBIGUOUS
      ? `The requested module '${specifier}' contains conflicting star exports for name '${name}' (imported by ${module.name})`
      : `The requested module '${specifier}' does not provide an export named '${name}' (imported by ${module.name})`,
  );
}

/** Links every not yet linked module reachable from `root` (its graph must be loaded). */
export function linkGraph(root: ModuleInstance): void {
  const modules: ModuleInstance[] = [];
  const visited = new Set<ModuleInstance>();
  const visit = (module: ModuleInstance): void => {
    if (visited.has(module) || module.status !== UNLINKED) return;
    visited.add(module);
    modules.push(module);
    for (const request of module.source.analysis.requests) visit(requested(module, request.key));
  };
  visit(root);
  if (modules.length === 0) return;
  // Namespace setters run before any binding subscription: a module that
  // re-exports its own namespace import (`import * as ns; export { ns }`)
  // must hold the namespace in that cell before an importer reads it.
  // Flat (importer, import index, target) triples.
  const namespaceImports: Array<ModuleInstance | number> = [];
  const connectedImports: Array<ModuleInstance | number> = [];
  const connectedCells: ExportCell[] = [];
  for (const module of modules) {
    const { imports, indirectExports } = module.source.analysis;
    for (const e of indirectExports) {
      if (e.importName === '*') continue;
      const resolution = resolveExport(module, e.exportName);
      if (resolution === null || resolution === AMBIGUOUS) throw linkError(module, e.request.specifier, e.importName, resolution);
    }
    for (let i = 0; i < imports.length; i++) {
      const entry = imports[i];
      const imported = requested(module, entry.request.key);
      if (entry.importName === '*') {
        namespaceImports.push(module, i, imported);
        continue;
      }
      const resolution = resolveExport(imported, entry.importName);
      if (resolution === null || resolution === AMBIGUOUS) throw linkError(module, entry.request.specifier, entry.importName, resolution);
      const { module: target, bindingName } = resolution;
      if (bindingName === NAMESPACE) {
        namespaceImports.push(module, i, target);
        continue;
      }
      // ResolveExport only answers local exports, and every local export has a cell.
      const cell = target.cells.get(bindingName) as ExportCell;
      module.importCells[i] = cell;
      // A record reads every import as `(a ?? $h.k(i))` (docs/record-format.md),
      // so its setter is subscribed by that first read (module-handle.ts):
      // imports that start-up never reads cost no setter call and no
      // exporter getter call (nor their compilation). Virtual sources read
      // their environment directly and are connected now.
      if (module.source.record !== undefined) continue;
      connectedImports.push(module, i);
      connectedCells.push(cell);
    }
  }
  for (let j = 0; j < namespaceImports.length; j += 3) {
    (namespaceImports[j] as ModuleInstance).set(namespaceImports[j + 1] as number, getNamespace(namespaceImports[j + 2] as ModuleInstance));
  }
  for (let i = 0; i < connectedCells.length; i++) {
    const cell = connectedCells[i];
    const { set } = connectedImports[2 * i] as ModuleInstance;
    const index = connectedImports[2 * i + 1] as number;
    subscribe(cell, set, index);
    if (cell.initialized) set(index, readCell(cell));
  }
  for (const module of modules) module.status = LINKED;
}
