/**
 * Evaluation (ECMA-262 Evaluate / InnerModuleEvaluation and the async
 * module algorithms): dependencies first, each module once, the
 * cycle-aware depth-first search, top-level await in the spec's order, and
 * evaluation errors cached and rethrown with their identity.
 */
import type { ModuleInstance } from './module-instance.js';

let asyncEvaluationCount = 1;

interface Capability {
  promise: Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

function newCapability(): Capability {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function requiredModules(module: ModuleInstance): ModuleInstance[] {
  return module.source.analysis.requests.map((request) => module.loaded.get(request.key) as ModuleInstance);
}

class CachedEvaluationError {
  constructor(readonly error: unknown) {}
}

function innerModuleEvaluation(module: ModuleInstance, stack: ModuleInstance[], index: number): number {
  if (module.status === 'evaluating-async' || module.status === 'evaluated') {
    if (module.evaluationError === undefined) return index;
    throw new CachedEvaluationError(module.evaluationError.error);
  }
  if (module.status === 'evaluating') return index;
  if (module.status !== 'linked') throw new Error(`Internal error: ${module.name} is evaluated while ${module.status}`);
  module.status = 'evaluating';
  module.dfsIndex = index;
  module.dfsAncestorIndex = index;
  module.pendingAsyncDependencies = 0;
  index += 1;
  stack.push(module);
  for (let required of requiredModules(module)) {
    index = innerModuleEvaluation(required, stack, index);
    if (required.status === 'evaluating') {
      module.dfsAncestorIndex = Math.min(module.dfsAncestorIndex, required.dfsAncestorIndex);
    } else {
      required = required.cycleRoot as ModuleInstance;
      if (required.evaluationError !== undefined) throw new CachedEvaluationError(required.evaluationError.error);
    }
    if (required.asyncEvaluation) {
      module.pendingAsyncDependencies += 1;
      required.asyncParentModules.push(module);
    }
  }
  if (module.pendingAsyncDependencies > 0 || module.hasTopLevelAwait) {
    module.asyncEvaluation = true;
    module.asyncEvaluationOrder = asyncEvaluationCount++;
    if (module.pendingAsyncDependencies === 0) executeAsyncModule(module);
  } else {
    module.execute?.();
  }
  if (module.dfsAncestorIndex === module.dfsIndex) {
    let done = false;
    while (!done) {
      const required = stack.pop() as ModuleInstance;
      required.status = required.asyncEvaluation ? 'evaluating-async' : 'evaluated';
      required.cycleRoot = module;
      done = required === module;
    }
  }
  return index;
}

function executeAsyncModule(module: ModuleInstance): void {
  let running: unknown;
  try {
    running = module.execute?.();
  } catch (error) {
    running = Promise.reject(error);
  }
  Promise.resolve(running).then(
    () => asyncModuleExecutionFulfilled(module),
    (error: unknown) => asyncModuleExecutionRejected(module, error),
  );
}

function gatherAvailableAncestors(module: ModuleInstance, execList: ModuleInstance[]): void {
  for (const m of module.asyncParentModules) {
    // A parent that threw synchronously before its SCC finished never got a
    // cycleRoot; it has already failed, so skip it (tc39/ecma262#3766, fix
    // PR #3769, as V8 and SpiderMonkey do).
    if (m.cycleRoot === undefined || execList.includes(m) || m.cycleRoot.evaluationError !== undefined) continue;
    m.pendingAsyncDependencies -= 1;
    if (m.pendingAsyncDependencies === 0) {
      execList.push(m);
      if (!m.hasTopLevelAwait) gatherAvailableAncestors(m, execList);
    }
  }
}

function asyncModuleExecutionFulfilled(module: ModuleInstance): void {
  if (module.status === 'evaluated') return; // already failed through another path
  module.asyncEvaluation = false;
  module.status = 'evaluated';
  module.topLevelCapability?.resolve();
  const execList: ModuleInstance[] = [];
  gatherAvailableAncestors(module, execList);
  execList.sort((a, b) => a.asyncEvaluationOrder - b.asyncEvaluationOrder);
  for (const m of execList) {
    if (m.status === 'evaluated') continue;
    if (m.hasTopLevelAwait) {
      executeAsyncModule(m);
      continue;
    }
    try {
      m.execute?.();
    } catch (error) {
      asyncModuleExecutionRejected(m, error);
      continue;
    }
    m.asyncEvaluation = false;
    m.status = 'evaluated';
    m.topLevelCapability?.resolve();
  }
}

function asyncModuleExecutionRejected(module: ModuleInstance, error: unknown): void {
  if (module.status === 'evaluated') return;
  module.evaluationError = { error };
  module.status = 'evaluated';
  module.asyncEvaluation = false;
  for (const m of module.asyncParentModules) asyncModuleExecutionRejected(m, error);
  module.topLevelCapability?.reject(error);
}

/** Evaluate(module): a promise settled when the module and its dependencies have run. */
export function evaluate(root: ModuleInstance): Promise<void> {
  let module = root;
  if ((module.status === 'evaluating-async' || module.status === 'evaluated') && module.cycleRoot !== undefined) module = module.cycleRoot;
  if (module.topLevelCapability !== undefined) return module.topLevelCapability.promise;
  const stack: ModuleInstance[] = [];
  const capability = newCapability();
  module.topLevelCapability = capability;
  try {
    innerModuleEvaluation(module, stack, 0);
    if (!module.asyncEvaluation) capability.resolve();
  } catch (thrown) {
    const error = thrown instanceof CachedEvaluationError ? thrown.error : thrown;
    for (const m of stack) {
      m.status = 'evaluated';
      m.evaluationError = { error };
    }
    capability.reject(error);
  }
  return capability.promise;
}

/** Whether evaluating `root` would need to wait for top-level await. */
function needsAsyncEvaluation(root: ModuleInstance): boolean {
  const visited = new Set<ModuleInstance>();
  const stack = [root];
  while (stack.length > 0) {
    const module = stack.pop() as ModuleInstance;
    if (visited.has(module)) continue;
    visited.add(module);
    if (module.status === 'evaluating-async') return true;
    if (module.status === 'evaluated') continue;
    if (module.hasTopLevelAwait) return true;
    stack.push(...requiredModules(module));
  }
  return false;
}

/** Evaluates synchronously; throws a TypeError (before running anything) when the graph needs top-level await. */
export function evaluateNow(module: ModuleInstance): void {
  if (module.status === 'evaluating') {
    throw new TypeError(`${module.name} is still being evaluated (importNow was called from inside its own graph); use import() instead`);
  }
  if (needsAsyncEvaluation(module)) {
    throw new TypeError(`${module.name} (or a module it imports) uses top-level await, so it cannot be imported synchronously; use import() instead of importNow()`);
  }
  evaluate(module).catch(() => undefined);
  const root = module.status === 'evaluated' && module.cycleRoot !== undefined ? module.cycleRoot : module;
  const failed = module.evaluationError ?? root.evaluationError;
  if (failed !== undefined) throw failed.error;
}
