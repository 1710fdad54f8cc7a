/**
 * What the globals side uses from the module linker (module.ts and
 * dynamic-import.ts, owned by the runtime-modules work): one place to adapt
 * when its interface moves.
 */
import { importInstance } from './dynamic-import.js';
import { createModuleClass, hostForHooks, instanceForImportTarget, type ImportHook, type ModuleEnvironment } from './module.js';

export type { ImportHook, ModuleEnvironment };
export { createModuleClass };

/** A Module constructor bound to one environment. */
export type ModuleClass = ReturnType<typeof createModuleClass>;

/**
 * The module map of one global: `importTarget(value)` imports a Module as
 * is, or the one instance of a ModuleSource for this global, and resolves
 * to its namespace; undefined when `value` is neither.
 */
export function createModuleMap(env: ModuleEnvironment): (value: unknown) => Promise<object> | undefined {
  const host = hostForHooks(env.globalThis, env.importHook, env.importMetaHook, undefined);
  return (value) => {
    const instance = instanceForImportTarget(value, host);
    return instance === undefined ? undefined : importInstance(instance);
  };
}
