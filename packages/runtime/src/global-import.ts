/**
 * `import()` as seen by code evaluated against a global (scripts from `eval`,
 * `Function`, and `Global#import`): a Module is imported as is, a
 * ModuleSource is instantiated once per global (the global's module map), a
 * specifier goes to the global's importHook, or, without one, to the host.
 */
import { importFromHost } from './host-import.js';
import { createModuleMap, type ModuleEnvironment } from './module-bridge.js';

/** Reads the import attributes of `import(specifier, options)` as ECMA-262 does, keys sorted. */
export function readImportAttributes(options: unknown): Record<string, string> {
  const attributes: Record<string, string> = {};
  if (options === undefined) return attributes;
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('The second argument of import() must be an object');
  }
  const withValue = (options as { with?: unknown }).with;
  if (withValue === undefined) return attributes;
  if (typeof withValue !== 'object' || withValue === null) {
    throw new TypeError("The 'with' option of import() must be an object");
  }
  for (const key of Object.keys(withValue).sort()) {
    const value = (withValue as Record<string, unknown>)[key];
    if (typeof value !== 'string') throw new TypeError(`Import attribute '${key}' must be a string`);
    attributes[key] = value;
  }
  return attributes;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return `the string '${value}'`;
  return typeof value === 'object' ? 'an object that is neither a Module nor a ModuleSource' : `a ${typeof value}`;
}

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
