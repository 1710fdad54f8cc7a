/**
 * What the globals side uses from the module linker (module.ts and
 * dynamic-import.ts, owned by the runtime-modules work): one place to adapt
 * when its interface moves.
 */
import { createModuleClass, type ImportHook, type ModuleEnvironment } from './module.js';

export type { ImportHook, ModuleEnvironment };
export { createModuleClass };

/** A Module constructor bound to one environment. */
export type ModuleClass = ReturnType<typeof createModuleClass>;
