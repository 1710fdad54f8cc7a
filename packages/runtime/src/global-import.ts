/**
 * `import()` as seen by code evaluated against a global (scripts from `eval`,
 * `Function`, and `Global#import`): a Module is imported as is, a
 * ModuleSource is instantiated once per global (the global's module map), a
 * specifier goes to the global's importHook, or, without one, to the host.
 * The hook is called, and its result checked, as for a module's own imports.
 */
import { importInstance } from './dynamic-import.js';
import { importFromHost } from './host-import.js';
import type { ModuleInstance } from './module-instance.js';
import { hostForHooks, instanceForImportTarget, type ModuleEnvironment } from './module.js';
import { readImportAttributes } from './shared-helpers.js';

/** Who asks, as error messages of the hook path name it. */
const evaluatedCode = { name: 'code evaluated against this global' } as ModuleInstance;

/** Creates the `import()` of one global. */
export function createDynamicImport(env: ModuleEnvironment): (specifier: unknown, options?: unknown) => Promise<unknown> {
  const host = hostForHooks(env.globalThis, env.importHook, env.importMetaHook, undefined);
  return async (specifier: unknown, options?: unknown): Promise<unknown> => {
    const direct = instanceForImportTarget(specifier, host);
    if (direct) return importInstance(direct);
    const fullSpecifier = `${specifier as string}`;
    const attributes = readImportAttributes(options);
    if (!env.importHook) return importFromHost(fullSpecifier, attributes);
    return importInstance(await host.load(evaluatedCode, { specifier: fullSpecifier, attributes, key: fullSpecifier }, false));
  };
}
