/**
 * `new Global({ keys?, importHook?, importMetaHook?, importMeta? })` from the
 * new Global proposal (CONFORMANCE 31–37): a replica of the global object the
 * constructor belongs to, with its own `Global`, `eval`, `Function` and
 * `import`, sharing every intrinsic (and so every prototype) with its parent.
 *
 * AsyncFunction, GeneratorFunction and AsyncGeneratorFunction are reachable
 * only by syntax (`(async () => {}).constructor`), and syntax yields the
 * shared intrinsics: their `prototype`s are the parent's, and their
 * constructors are the host's, evaluating against the host global. A
 * runtime without its own realm cannot give each global fresh ones; run SES
 * `lockdown()` first, which replaces those constructors with throwing ones,
 * when evaluated code must not reach the host global that way.
 *
 * "The host" for import behaviour (CONFORMANCE 34) is the parent global: a
 * Global created without `importHook` uses its parent's hook, and the
 * outermost parent (the real global object) uses the native `import()`.
 */
import { createEvaluators, readEnvironmentOptions, type EvaluationEnvironment } from './evaluators.js';
import { createDynamicImport } from './global-import.js';
import type { ImportHook } from './module-bridge.js';
import { defineHidden } from './shared-helpers.js';

/** Options of `new Global(…)`. */
export interface GlobalOptions {
  /** The property keys of the parent global to copy; all own keys when absent. */
  keys?: Iterable<PropertyKey>;
  /** Resolves `import()` of code evaluated against the new global and of its modules. */
  importHook?: ImportHook;
  /** Called with the `import.meta` object of every module of the new global. */
  importMetaHook?: (meta: object) => void;
  /** Properties copied onto every `import.meta` of the new global's modules. */
  importMeta?: object;
}

/** The hooks a global hands down to the globals it creates. */
type InheritedEnvironment = Omit<EvaluationEnvironment, 'globalThis' | 'dynamicImport'>;

/** A `Global` constructor bound to its parent global. */
export interface GlobalConstructor {
  new (options?: GlobalOptions): typeof globalThis & Record<PropertyKey, unknown>;
  readonly prototype: object;
}

const environments = new WeakMap<object, InheritedEnvironment>();

/** The hooks of a global made by a Global constructor (the host's are empty). */
export function environmentOf(globalObject: object): InheritedEnvironment {
  return environments.get(globalObject) ?? {};
}

function copyKeys(parent: object, keys: Iterable<PropertyKey> | undefined): PropertyKey[] {
  if (keys === undefined) return Reflect.ownKeys(parent);
  const iterable = typeof (keys as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function';
  const list = iterable ? [...keys] : [];
  if (!iterable || list.some((key) => typeof key !== 'string' && typeof key !== 'symbol')) {
    throw new TypeError('Global option keys must be an iterable of strings and symbols');
  }
  return list;
}

/**
 * Creates a replica of `parent`: configurable copies of `keys`, then its
 * own `globalThis`, `Global`, `eval`, `Function` and `import`.
 */
export function createGlobal(parent: object, inherited: InheritedEnvironment, options: GlobalOptions = {}): Record<PropertyKey, unknown> {
  const hooks = readEnvironmentOptions(options, 'Global');
  const keys = copyKeys(parent, options.keys);
  const globalObject = Object.create(Object.getPrototypeOf(parent) as object | null) as Record<PropertyKey, unknown>;
  for (const key of keys) {
    const descriptor = Reflect.getOwnPropertyDescriptor(parent, key);
    if (descriptor) Object.defineProperty(globalObject, key, { ...descriptor, configurable: true });
  }
  const env: InheritedEnvironment = {
    importHook: hooks.importHook ?? inherited.importHook,
    importMetaHook: hooks.importMetaHook ?? inherited.importMetaHook,
    forceStrict: inherited.forceStrict,
  };
  environments.set(globalObject, env);
  // One module map for `g.import` and the `import()` of g's scripts.
  const dynamicImport = createDynamicImport({ globalThis: globalObject, ...env });

  defineHidden(globalObject, {
    globalThis: globalObject,
    Global: createGlobalConstructor(globalObject),
    ...createEvaluators({ globalThis: globalObject, ...env, dynamicImport }),
    // An arrow function, so that like `eval` it has no [[Construct]].
    import: (specifier: unknown): Promise<unknown> => dynamicImport(specifier),
  });
  return globalObject;
}

/** Creates the `Global` constructor whose instances are replicas of `parent`. */
export function createGlobalConstructor(parent: object): GlobalConstructor {
  // A class: calling it without `new` is the engine's TypeError.
  return class Global {
    constructor(options?: GlobalOptions) {
      return createGlobal(parent, environmentOf(parent), options);
    }
  } as unknown as GlobalConstructor;
}

/**
 * The host's `Global`: `new Global(options)` replicates the real global
 * object. Each new global carries its own `Global`, replicating itself.
 */
export const Global: GlobalConstructor = createGlobalConstructor(globalThis);
