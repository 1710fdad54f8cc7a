/**
 * Load → link → evaluate → namespace, asynchronously (dynamic `import()`,
 * `Compartment#import`) or synchronously (`importNow`).
 */
import { evaluate, evaluateNow } from './evaluate-modules.js';
import { linkGraph } from './link-modules.js';
import { loadGraph, loadGraphNow, loadRequest } from './load-graph.js';
import { instanceForImportTarget } from './module.js';
import type { ModuleInstance } from './module-instance.js';
import { getNamespace } from './namespace-object.js';
import { readImportAttributes } from './shared-helpers.js';
import { requestKey, type ModuleRequest } from './static-analysis.js';

/** Imports an instance: the promise of its namespace once it and its graph have run. */
export async function importInstance(instance: ModuleInstance): Promise<object> {
  await loadGraph(instance);
  linkGraph(instance);
  await evaluate(instance);
  return getNamespace(instance);
}

/** Imports an instance synchronously; throws if its graph needs top-level await or async loading. */
export function importInstanceNow(instance: ModuleInstance): object {
  loadGraphNow(instance);
  linkGraph(instance);
  evaluateNow(instance);
  return getNamespace(instance);
}

/** `import(specifier, options)` from inside `referrer`: shares its static-import cache (item 12). */
export function importDynamically(referrer: ModuleInstance, specifier: unknown, options?: unknown): Promise<object> {
  return (async () => {
    const direct = instanceForImportTarget(specifier, referrer.host);
    if (direct !== undefined) return importInstance(direct);
    const name = String(specifier);
    const attributes = readImportAttributes(options);
    const request: ModuleRequest = { specifier: name, attributes, key: requestKey(name, attributes) };
    return importInstance(await loadRequest(referrer, request, false));
  })();
}
