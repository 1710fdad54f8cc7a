/**
 * `Module` (Compartments layer 0): an instance of a ModuleSource (or a
 * virtual module source) with its own bindings, global and import hooks.
 * Also the seam with the globals side: `createModuleClass(env)` for a
 * Global's / Evaluators' own Module, and `importModule` / `importModuleNow`.
 */
import { importInstance, importInstanceNow } from './dynamic-import.js';
import { createInstance, type ModuleHost, type ModuleInstance } from './module-instance.js';
import { describe, isThenable, lookupClassChain, notAn } from './shared-helpers.js';
import {
  captureHandler,
  getSourceInternals,
  sourceInternals,
  type CapturedHandler,
  type ModuleSource,
  type SourceInternals,
} from './module-source.js';
import type { ModuleRequest } from './static-analysis.js';
import { isVirtualModuleSource, type VirtualModuleSource } from './virtual-source.js';

/** Resolves an import specifier to a Module or ModuleSource (or a promise of one). */
export type ImportHook = (specifier: string, attributes: Record<string, string>) => unknown;

/** The global and default hooks a Module class instantiates against. */
export interface ModuleEnvironment {
  globalThis: object;
  importHook?: ImportHook;
  importMetaHook?: (meta: object) => void;
}

/** The handler of `new Module(source, handler)`; hooks are read once and called with the handler as `this`. */
export interface ModuleHandler {
  importHook?: ImportHook;
  importMetaHook?(meta: object): void;
}

const instanceOfModule = new WeakMap<object, ModuleInstance>();
const sourceOfModule = new WeakMap<object, unknown>();
const environmentOfClass = new WeakMap<object, ModuleEnvironment>();
/** One instance per (ModuleSource, global or host) for sources returned by import hooks. */
const sourceInstances = new WeakMap<object, WeakMap<object, ModuleInstance>>();

/** Instances not named by a specifier yet; the first hook that loads one names it. */
const unnamed = new WeakSet<ModuleInstance>();

/** A name for error messages until a specifier is known: what the module exports or imports. */
function defaultName(source: SourceInternals): string {
  const kind = source.record ? 'a module' : 'a virtual module';
  const { exportsByName, requests } = source.analysis;
  const list = (names: string[]) => names.slice(0, 3).join(', ') + (names.length > 3 ? ', …' : '');
  if (exportsByName.size > 0) return `${kind} exporting { ${list([...exportsByName.keys()])} }`;
  if (requests.length > 0) return `${kind} importing ${list(requests.map((r) => `'${r.specifier}'`))}`;
  return kind;
}

function createUnnamedInstance(source: SourceInternals, host: ModuleHost): ModuleInstance {
  const instance = createInstance(source, host, defaultName(source));
  unnamed.add(instance);
  return instance;
}

/** The linker state behind a Module object, or undefined. */
export function getModuleInstance(value: unknown): ModuleInstance | undefined {
  // WeakMap#get answers undefined for primitives, so any value can be looked up.
  return instanceOfModule.get(value as object);
}

/** The public Module object for an instance, created on demand. */
export function moduleOfInstance(instance: ModuleInstance): Module {
  if (!instance.publicModule) {
    const module = Object.create(Module.prototype) as Module;
    instanceOfModule.set(module, instance);
    sourceOfModule.set(module, instance.source.virtual ?? instance.source.record);
    instance.publicModule = module;
  }
  return instance.publicModule as Module;
}

/** A host whose imports go through `importHook` (called with `thisArg`). */
export function hostForHooks(
  global: object,
  importHook: ImportHook | undefined,
  importMetaHook: ((meta: object) => void) | undefined,
  thisArg: unknown,
): ModuleHost {
  const host: ModuleHost = {
    globalThis: global,
    load(referrer: ModuleInstance, request: ModuleRequest) {
      if (!importHook) {
        throw new TypeError(`${referrer.name} imports '${request.specifier}' but has no importHook: pass one in the Module handler`);
      }
      const result = importHook.call(thisArg, request.specifier, { ...request.attributes });
      const convert = (value: unknown): ModuleInstance => {
        const instance = instanceForImportTarget(value, host);
        if (!instance) {
          throw new TypeError(`The importHook for '${request.specifier}' (imported by ${referrer.name}) returned ${describe(value)}, not a Module or ModuleSource`);
        }
        if (unnamed.delete(instance)) instance.name = `'${request.specifier}'`;
        return instance;
      };
      return isThenable(result) ? Promise.resolve(result).then(convert) : convert(result);
    },
    initializeImportMeta: importMetaHook && ((meta: object) => importMetaHook.call(thisArg, meta)),
  };
  return host;
}

function hostForHandler(global: object, handler: CapturedHandler | undefined, fallback: ModuleEnvironment | undefined): ModuleHost {
  // The handler is `this` of the hooks only when it has hooks of its own.
  const importHook = handler?.importHook;
  const importMetaHook = handler?.importMetaHook;
  const own = importHook || importMetaHook;
  return hostForHooks(global, importHook ?? fallback?.importHook, importMetaHook ?? fallback?.importMetaHook, own ? handler?.target : undefined);
}

/**
 * The instance a Module, or a ModuleSource returned by a hook, stands for:
 * a ModuleSource gets one instance per importing host (its own handler's
 * hooks when it has them); undefined for anything else.
 */
export function instanceForImportTarget(value: unknown, importer: ModuleHost): ModuleInstance | undefined {
  const existing = getModuleInstance(value);
  if (existing) return existing;
  const internals = getSourceInternals(value);
  if (!internals) return undefined;
  const key = internals.handler ? importer.globalThis : importer;
  let byHost = sourceInstances.get(value as object);
  if (!byHost) {
    byHost = new WeakMap();
    sourceInstances.set(value as object, byHost);
  }
  let instance = byHost.get(key);
  if (!instance) {
    const host = internals.handler ? hostForHandler(importer.globalThis, internals.handler, undefined) : importer;
    instance = createUnnamedInstance(internals, host);
    byHost.set(key, instance);
  }
  return instance;
}

/**
 * A module instance: `new Module(source, handler?)` where `source` is a
 * ModuleSource (or a virtual module source) and `handler` may hold
 * `importHook(specifier, attributes)` → Module | ModuleSource (or a promise
 * of one) and `importMetaHook(meta)`.
 */
export class Module {
  constructor(source: ModuleSource | VirtualModuleSource, handler?: ModuleHandler) {
    const internals = sourceInternals(source, 'new Module(source)');
    const captured = captureHandler(handler, 'new Module(source, handler)');
    const env = lookupClassChain(environmentOfClass, new.target);
    const global = env?.globalThis ?? globalThis;
    const host = hostForHandler(global, captured ?? internals.handler, env);
    const instance = createUnnamedInstance(internals, host);
    instance.publicModule = this;
    instanceOfModule.set(this, instance);
    sourceOfModule.set(this, source);
  }

  /** The source this module instantiates. */
  get source(): unknown {
    if (!instanceOfModule.has(this)) throw notAn('Module', 'source');
    return sourceOfModule.get(this);
  }

  /** `'Module'` for a Module, undefined otherwise. */
  get [Symbol.toStringTag](): string | undefined {
    return instanceOfModule.has(this) ? 'Module' : undefined;
  }
}

/** A Module constructor whose instances link against `env`'s global and default hooks. */
export function createModuleClass(env: ModuleEnvironment): typeof Module {
  const EnvironmentModule = class Module extends ModuleBase {};
  environmentOfClass.set(EnvironmentModule, env);
  return EnvironmentModule;
}

const ModuleBase = Module;

function instanceOrThrow(module: unknown, what: string): ModuleInstance {
  const instance = getModuleInstance(module);
  if (!instance) throw new TypeError(`${what}: expected a Module, got ${describe(module)}`);
  return instance;
}

/** `import(module)`: loads, links and evaluates; the same namespace every time (item 10). */
export function importModule(module: Module): Promise<object> {
  try {
    return importInstance(instanceOrThrow(module, 'importModule(module)'));
  } catch (error) {
    return Promise.reject(error);
  }
}

/** The synchronous form; throws when the graph needs top-level await or an async hook. */
export function importModuleNow(module: Module): object {
  return importInstanceNow(instanceOrThrow(module, 'importModuleNow(module)'));
}

/** True for instances of any environment's Module class. */
export function isModule(value: unknown): boolean {
  return getModuleInstance(value) !== undefined;
}

/** True for ModuleSource objects and virtual module sources. */
export function isModuleSource(value: unknown): boolean {
  return getSourceInternals(value) !== undefined || isVirtualModuleSource(value);
}
