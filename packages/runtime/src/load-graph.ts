/**
 * Loading (ECMA-262 LoadRequestedModules): the whole static graph is loaded,
 * and every module instantiated, before linking starts. Each (module,
 * request) pair reaches the host's hook once, also while the load is in
 * flight; dynamic `import()` goes through the same cache.
 */
import { instantiateRecord } from './module-handle.js';
import { UNLINKED, type ModuleInstance } from './module-instance.js';
import type { ModuleRequest } from './static-analysis.js';
import { cannotWait, isThenable } from './shared-helpers.js';
import { instantiateVirtual } from './virtual-source.js';

/** Runs the functor to its first yield (or builds the virtual env), once. */
export function instantiate(instance: ModuleInstance): void | Promise<void> {
  if (instance.instantiated !== false) return instance.instantiated === true ? undefined : instance.instantiated;
  const { record, virtual } = instance.source;
  const pending = record ? instantiateRecord(instance, record) : virtual && instantiateVirtual(instance, virtual);
  if (!pending) {
    instance.instantiated = true;
    instance.status = UNLINKED;
    return undefined;
  }
  instance.instantiated = pending.then(() => {
    instance.instantiated = true;
    instance.status = UNLINKED;
  });
  return instance.instantiated;
}

/** The instance `request` of `referrer` resolves to, asking the host once per request. */
export function loadRequest(referrer: ModuleInstance, request: ModuleRequest, sync: boolean): ModuleInstance | Promise<ModuleInstance> {
  const done = referrer.loaded.get(request.key);
  if (done !== undefined) return done;
  const pending = referrer.loading.get(request.key);
  if (pending !== undefined) {
    if (sync) throw cannotWait(referrer.name, `is still loading '${request.specifier}'`);
    return pending;
  }
  let result: ModuleInstance | Promise<ModuleInstance>;
  try {
    result = referrer.host.load(referrer, request, sync);
  } catch (error) {
    if (sync) throw error;
    return Promise.reject(error);
  }
  if (!isThenable(result)) {
    referrer.loaded.set(request.key, result);
    return result;
  }
  if (sync) throw cannotWait(referrer.name, `got a promise for '${request.specifier}' from its import hook`);
  const loading = Promise.resolve(result).then(
    (instance) => {
      referrer.loaded.set(request.key, instance);
      referrer.loading.delete(request.key);
      return instance;
    },
    (error: unknown) => {
      // As in HostLoadImportedModule: a failed load is not remembered, a later import retries.
      referrer.loading.delete(request.key);
      throw error;
    },
  );
  referrer.loading.set(request.key, loading);
  return loading;
}

/** Loads and instantiates every module reachable from `root` synchronously. */
export function loadGraphNow(root: ModuleInstance): void {
  const visited = new Set<ModuleInstance>();
  const stack = [root];
  while (stack.length > 0) {
    const instance = stack.pop() as ModuleInstance;
    if (visited.has(instance)) continue;
    visited.add(instance);
    if (instance.graphLoaded === true) continue;
    for (const request of instance.source.analysis.requests) stack.push(loadRequest(instance, request, true) as ModuleInstance);
  }
  for (const instance of visited) if (isThenable(instantiate(instance))) throw cannotWait(instance.name, 'uses top-level await');
  for (const instance of visited) instance.graphLoaded = true;
}

/** Loads and instantiates every module reachable from `root`, hooks running concurrently. */
export async function loadGraph(root: ModuleInstance): Promise<void> {
  const visited = new Set<ModuleInstance>();
  const tasks: Array<Promise<unknown>> = [];
  const track = (task: Promise<unknown>): void => {
    task.catch(() => undefined); // awaited below; keeps an early rejection from being reported as unhandled
    tasks.push(task);
  };
  const visit = (instance: ModuleInstance): void => {
    if (visited.has(instance)) return;
    visited.add(instance);
    if (instance.graphLoaded === true) return;
    for (const request of instance.source.analysis.requests) {
      const loaded = loadRequest(instance, request, false);
      if (isThenable(loaded)) track(loaded.then(visit));
      else visit(loaded);
    }
  };
  visit(root);
  for (let i = 0; i < tasks.length; i++) await tasks[i];
  // Instantiate once everything loaded, so a failed load runs no module code or hook.
  const instantiating: Array<Promise<void>> = [];
  for (const instance of visited) {
    const pending = instantiate(instance);
    if (pending !== undefined) instantiating.push(pending);
  }
  await Promise.all(instantiating);
  for (const instance of visited) instance.graphLoaded = true;
}
