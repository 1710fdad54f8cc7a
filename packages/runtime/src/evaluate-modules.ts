/**
 * Evaluation (ECMA-262 Evaluate / InnerModuleEvaluation and the async
 * module algorithms): dependencies first, each module once, the
 * cycle-aware depth-first search, top-level await in the spec's order, and
 * evaluation errors cached and rethrown with their identity.
 */
import { cannotWait } from './shared-helpers.js';
import { EVALUATED, EVALUATING, EVALUATING_ASYNC, LINKED, type ModuleInstance } from './module-instance.js';

let asyncEvaluationCount = 1;

type Capability = NonNullable<ModuleInstance['topLevelCapability']>;

function requiredModules(module: ModuleInstance): ModuleInstance[] {
  return module.source.analysis.requests.map((request) => module.loaded.get(request.key) as ModuleInstance);
}

/** Rethrows the cached evaluation error of a module that has one. */
function rethrowFailure(module: ModuleInstance): void {
  if (module.evaluationError !== undefined) throw module.evaluationError.error;
}

function innerModuleEvaluation(module: ModuleInstance, stack: ModuleInstance[], index: number): number {
  if (module.status >= EVALUATING_ASYNC) {
    rethrowFailure(module);
    return index;
  }
  if (module.status === EVALUATING) return index;
  if (module.status !== LINKED) throw new Error(`Internal error: ${module.name} is not linked`);
  module.status = EVALUATING;
  module.dfsIndex = module.dfsAncestorIndex = index++;
  stack.push(module);
  for (let required of requiredModules(module)) {
    index = innerModuleEvaluation(required, stack, index);
    if (required.status === EVALUATING) {
      module.dfsAncestorIndex = Math.min(module.dfsAncestorIndex, required.dfsAncestorIndex);
    } else {
      required = required.cycleRoot as ModuleInstance;
      rethrowFailure(required);
    }
    if (required.asyncEvaluation) {
      module.pendingAsyncDependencies++;
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
    let required: ModuleInstance;
    do {
      required = stack.pop() as ModuleInstance;
      required.status = required.asyncEvaluation ? EVALUATING_ASYNC : EVALUATED;
      required.cycleRoot = module;
    } while (required !== module);
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
    if (--m.pendingAsyncDependencies === 0) {
      execList.push(m);
      if (!m.hasTopLevelAwait) gatherAvailableAncestors(m, execList);
    }
  }
}

/** The end of a successful asynchronous evaluation. */
function evaluated(module: ModuleInstance): void {
  module.asyncEvaluation = false;
  module.status = EVALUATED;
  module.topLevelCapability?.resolve();
}

function asyncModuleExecutionFulfilled(module: ModuleInstance): void {
  if (module.status === EVALUATED) return; // already failed through another path
  evaluated(module);
  const execList: ModuleInstance[] = [];
  gatherAvailableAncestors(module, execList);
  execList.sort((a, b) => a.asyncEvaluationOrder - b.asyncEvaluationOrder);
  for (const m of execList) {
    if (m.status === EVALUATED) continue;
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
    evaluated(m);
  }
}

function asyncModuleExecutionRejected(module: ModuleInstance, error: unknown): void {
  if (module.status === EVALUATED) return;
  module.evaluationError = { error };
  module.status = EVALUATED;
  module.asyncEvaluation = false;
  for (const m of module.asyncParentModules) asyncModuleExecutionRejected(m, error);
  module.topLevelCapability?.reject(error);
}

/** Evaluate(module): a promise settled when the module and its dependencies have run. */
export function evaluate(root: ModuleInstance): Promise<void> {
  // Only a module that reached evaluating-async or evaluated has a cycleRoot.
  const module = root.cycleRoot ?? root;
  if (module.topLevelCapability !== undefined) return module.topLevelCapability.promise;
  const stack: ModuleInstance[] = [];
  const capability = {} as Capability;
  capability.promise = new Promise((resolve, reject) => {
    capability.resolve = resolve;
    capability.reject = reject;
  });
  module.topLevelCapability = capability;
  try {
    innerModuleEvaluation(module, stack, 0);
    if (!module.asyncEvaluation) capability.resolve();
  } catch (error) {
    for (const m of stack) {
      m.status = EVALUATED;
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
    if (visited.has(module) || module.status === EVALUATED) continue;
    visited.add(module);
    if (module.status === EVALUATING_ASYNC || module.hasTopLevelAwait) return true;
    stack.push(...requiredModules(module));
  }
  return false;
}

/** Evaluates synchronously; throws a TypeError (before running anything) when the graph needs top-level await. */
export function evaluateNow(module: ModuleInstance): void {
  if (module.status === EVALUATING) {
    throw cannotWait(module.name, 'is still being evaluated (importNow from its own graph)');
  }
  if (needsAsyncEvaluation(module)) throw cannotWait(`${module.name} (or a module it imports)`, 'uses top-level await');
  evaluate(module).catch(() => undefined);
  rethrowFailure(module);
  rethrowFailure(module.cycleRoot ?? module);
}
