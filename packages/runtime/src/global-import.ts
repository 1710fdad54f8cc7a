/**
 * `import()` as seen by code evaluated against a global (scripts from `eval`,
 * `Function`, and `Global#import`): a Module is imported as is, a
 * ModuleSource is instantiated once per global (the global's module map), a
 * specifier goes to the global's importHook, or, without one, to the host.
 */
import { importFromHost } from './host-import.js';
import { createModuleMap, type ModuleEnvironment } from './module-bridge.js';
import { describe, readImportAttributes } from './shared-helpers.js';

/** Creates the `import()` of one global. */
export function createDynamicImport(env: ModuleEnvironment): (specifier: unknown, options?: unknown) => Promise<unknown> {
  const importTarget = createModuleMap(env);
  return async (specifier: unknown, options?: unknown): Promise<unknown> => {
    const direct = importTarget(specifier);
    if (direct !== undefined) return direct;
    const fullSpecifier = `${specifier as string}`;
    const attributes = readImportAttributes(options);
    if (env.importHook === undefined) return importFromHost(fullSpecifier, attributes);
    const result: unknown = await env.importHook(fullSpecifier, attributes);
    const imported = importTarget(result);
    if (imported === undefined) {
      throw new TypeError(`The importHook for '${fullSpecifier}' returned ${describe(result)}; it must return a Module or a ModuleSource`);
    }
    return imported;
  };
}
