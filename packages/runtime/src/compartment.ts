/**
 * `Compartment` (Compartments layer 4, CONFORMANCE 38–46): a global object
 * of its own plus a module map filled by descriptors from `modules`,
 * `moduleMapHook` and the load hooks, in that order, one hook call per full
 * specifier.
 */
import { importInstance, importInstanceNow } from './dynamic-import.js';
import { createEvaluators } from './evaluators.js';
import { instanceForNamespaceObject } from './foreign-namespace.js';
import { loadGraph, loadGraphNow } from './load-graph.js';
import { getModuleInstance } from './module.js';
import { createInstance, type ModuleHost, type ModuleInstance } from './module-instance.js';
import { instanceOfNamespace } from './namespace-object.js';
import { sourceInternals, type SourceInternals } from './module-source.js';
import { cannotWait, defineHidden, describe, hasOwn, isBag, isObject, isThenable, lookupClassChain, notAn, notAnObject, readHook } from './shared-helpers.js';
import { requireScriptEvaluator } from './compiler-slot.js';
import type { ScriptEnvironment } from './script-evaluation.js';
import { standardGlobalDescriptors } from './standard-globals.js';

/** The proposal's option bag (SES names accepted too). */
export interface CompartmentOptions {
  globals?: object;
  modules?: Record<string, unknown>;
  resolveHook?: (importSpecifier: string, referrerSpecifier: string) => string;
  loadHook?: (fullSpecifier: string) => unknown;
  importHook?: (fullSpecifier: string) => unknown;
  loadNowHook?: (fullSpecifier: string) => unknown;
  importNowHook?: (fullSpecifier: string) => unknown;
  importMetaHook?: (fullSpecifier: string, meta: object) => void;
  moduleMapHook?: (fullSpecifier: string) => unknown;
  name?: string;
  __options__?: boolean;
}

type Loaded = ModuleInstance | Promise<ModuleInstance>;

/** What the methods, child compartments and other compartments' descriptors need of a compartment. */
interface CompartmentState {
  name: string;
  globalThis: object;
  /** The instance for a full specifier: modules map, then moduleMapHook, then the load hook. */
  load: (specifier: string, sync: boolean) => Loaded;
  evaluate: (text: string) => unknown;
}

const stateOf = new WeakMap<object, CompartmentState>();
const parentOfClass = new WeakMap<object, CompartmentState>();

const optionNames = new Set(
  'globals modules resolveHook loadHook importHook loadNowHook importNowHook importMetaHook moduleMapHook name __options__ transforms __shimTransforms__ noAggregateLoadErrors'.split(' '),
);

/** Extra shared host built-ins a compartment global receives when the host has them. */
const sharedExtras = ['Intl', 'escape', 'unescape', 'harden'];


/** Resolves `./` and `../` against the referrer (URL-aware); other specifiers are already full. */
export function defaultResolveHook(specifier: string, referrer: string): string {
  if (!/^\.{0,2}\//.test(specifier)) return specifier;
  if (/^[a-z][a-z0-9+.-]*:/i.test(referrer)) return new URL(specifier, referrer).href;
  if (specifier.startsWith('/')) return specifier;
  const parts = referrer.split('/');
  parts.pop();
  for (const part of specifier.split('/')) {
    const last = parts[parts.length - 1];
    if (part === '..') {
      if (last === '.') parts[parts.length - 1] = '..';
      else if (last === undefined || last === '..' || last === '') parts.push('..');
      else parts.pop();
    } else if (part !== '.') parts.push(part);
  }
  const joined = parts.join('/');
  return /^[./]/.test(joined) ? joined : `./${joined}`;
}

function stateOrThrow(receiver: unknown, member: string): CompartmentState {
  // WeakMap#get answers undefined for primitives, so any value can be looked up.
  const state = stateOf.get(receiver as object);
  if (!state) throw notAn('Compartment', member);
  return state;
}

/** The instance for `specifier` in the compartment `receiver` (a method named `member` was called on it). */
function loadFor(receiver: unknown, member: string, specifier: unknown, sync: boolean): Loaded {
  return stateOrThrow(receiver, member).load(String(specifier), sync);
}

/**
 * A compartment: `new Compartment({ globals, modules, resolveHook, loadHook,
 * loadNowHook, importMetaHook, moduleMapHook, name })` (SES spellings
 * `importHook` / `importNowHook` accepted), or the SES forms
 * `new Compartment({ __options__: true, … })` and
 * `new Compartment(globals, modules, options)`.
 */
export class Compartment {
  constructor(...args: unknown[]) {
    const [first, second, third] = args as Array<Record<string, unknown> | undefined>;
    // One argument is the proposal's option bag, unless none of its keys is an
    // option name: then it is SES's legacy `new Compartment(endowments)`.
    const keys = isBag(first) ? Object.keys(first) : [];
    const optionBag = (args.length <= 1 && (keys.length === 0 || keys.some((key) => optionNames.has(key)))) || (isBag(first) && first.__options__ === true);
    const options = optionBag ? first : third;
    if (options !== undefined && !isBag(options)) throw notAnObject(`new Compartment(${optionBag ? '' : 'globals, modules, '}options): options`, options);
    const bag = options ?? {};
    const [globals, modules] = optionBag ? [bag.globals, bag.modules] : [first, second];
    const name = bag.name === undefined ? '' : String(bag.name);
    const hook = <T = (specifier: string) => unknown>(option: string): T | undefined => readHook<T>(bag, option, 'new Compartment(): ');
    const label = bag.name === undefined ? '<unnamed>' : JSON.stringify(name);
    const parent = lookupClassChain(parentOfClass, new.target);
    if (modules != null && typeof modules !== 'object') throw notAnObject('new Compartment(): modules', modules);
    const moduleMap = new Map<string, unknown>(modules instanceof Map ? modules : Object.entries(modules ?? {}));
    const moduleMapHook = hook('moduleMapHook');
    const resolveHook = hook<typeof defaultResolveHook>('resolveHook') ?? defaultResolveHook;
    const loadHook = hook('loadHook') ?? hook('importHook');
    const loadNowHook = hook('loadNowHook') ?? hook('importNowHook');
    const importMetaHook = hook<(specifier: string, meta: object) => void>('importMetaHook');
    /** Instances, and loads in flight (one hook call each), by full specifier (aliases included). */
    const instances = new Map<string, Loaded>();

    const fail = (specifier: string, why: string): TypeError =>
      new TypeError(`Cannot load module '${specifier}' in compartment ${label}: ${why}`);
    /** Registers `loaded` (or, once it settles, its instance) for `specifier`. */
    const register = (specifier: string, loaded: Loaded): Loaded => {
      if (!isThenable(loaded)) {
        instances.set(specifier, loaded);
        return loaded;
      }
      return loaded.then((instance) => register(specifier, instance) as ModuleInstance);
    };
    /** A host per instance: it knows the instance's specifier, the referrer of its imports. */
    const hostFor = (specifier: string, importMeta: unknown): ModuleHost => ({
      globalThis: global,
      load: (_referrer, request, sync) => load(resolveHook(request.specifier, specifier), sync),
      initializeImportMeta(meta) {
        if (importMeta != null) Object.assign(meta, importMeta);
        importMetaHook?.(specifier, meta);
      },
    });

    /** Turns a descriptor (or a bare source / namespace) into the instance for `specifier`. */
    const fromDescriptor = (specifier: string, given: unknown, sync: boolean): Loaded => {
      if (!isObject(given)) throw fail(specifier, `its descriptor must be an object, got ${describe(given)}`);
      const descriptor = given as Record<string, unknown>;
      const has = (key: string): boolean => hasOwn(descriptor, key);
      const { namespace } = descriptor;
      // A Module or a Hermetic namespace stands for its own instance.
      const own = getModuleInstance(given) ?? instanceOfNamespace(given);
      if (own) return register(specifier, own);
      if (has('namespace')) {
        if (typeof namespace === 'string') {
          const other = descriptor.compartment === undefined ? state : stateOf.get(descriptor.compartment as object);
          if (!other) throw fail(specifier, "its descriptor's compartment is not a Compartment");
          if (other === state && namespace === specifier) throw fail(specifier, 'its descriptor names itself');
          return register(specifier, other.load(namespace, sync));
        }
        if (!isBag(namespace)) throw fail(specifier, 'namespace must be a specifier string or an object');
        return register(specifier, getModuleInstance(namespace) ?? instanceForNamespaceObject(namespace, hostFor(specifier, undefined), `'${specifier}'`));
      }
      // { source } or SES's { record }; anything else is a bare ModuleSource,
      // record or virtual source (SES importHook results).
      const bare = !has('source') && !has('record');
      const source = bare ? given : has('source') ? descriptor.source : descriptor.record;
      const key = !bare && typeof descriptor.specifier === 'string' ? descriptor.specifier : specifier;
      const existing = instances.get(key);
      const make = (internals: SourceInternals): Loaded =>
        register(specifier, instances.get(key) ?? register(key, createInstance(internals, hostFor(key, bare ? undefined : descriptor.importMeta), `'${key}' (compartment ${label})`)));
      if (existing) return register(specifier, existing);
      if (typeof source === 'string') {
        if (!parent) throw fail(specifier, `{ source: '${source}' } needs a parent compartment`);
        const loaded = parent.load(source, sync);
        return isThenable(loaded) ? loaded.then((instance) => make(instance.source)) : make(loaded.source);
      }
      if (!isBag(source)) throw fail(specifier, `its source must be a ModuleSource, record, virtual source or specifier, got ${describe(source)}`);
      return make(sourceInternals(source, `'${specifier}'`));
    };

    const load = (specifier: string, sync: boolean): Loaded => {
      const known = instances.get(specifier);
      if (known) {
        if (sync && isThenable(known)) throw cannotWait(`Module '${specifier}' of compartment ${label}`, 'is still loading');
        return known;
      }
      const mapped = moduleMap.has(specifier) ? moduleMap.get(specifier) : moduleMapHook?.(specifier);
      if (mapped !== undefined || moduleMap.has(specifier)) return fromDescriptor(specifier, mapped, sync);
      const loader = sync ? loadNowHook : loadHook ?? loadNowHook;
      if (!loader) throw fail(specifier, `it is not in modules and there is no ${sync ? 'loadNowHook' : 'loadHook'}`);
      // An undefined result (now or resolved) is reported by fromDescriptor.
      const result = loader(specifier);
      if (!isThenable(result)) return fromDescriptor(specifier, result, sync);
      if (sync) throw fail(specifier, 'loadNowHook returned a promise');
      // Settled, the load is no longer in flight: what it gives is registered, a failure is not remembered.
      const loading = Promise.resolve(result).then(
        (descriptor) => {
          instances.delete(specifier);
          return fromDescriptor(specifier, descriptor, false);
        },
        (error: unknown) => {
          instances.delete(specifier);
          throw error;
        },
      );
      instances.set(specifier, loading);
      return loading;
    };

    const global: object = {};
    Object.defineProperties(global, standardGlobalDescriptors(globalThis, sharedExtras));
    // Shared by eval, Function and evaluate, so their scripts share one module map.
    const scriptEnv: ScriptEnvironment = { globalThis: global, loadInstance: (specifier) => load(specifier, false) };
    const state: CompartmentState = {
      name,
      globalThis: global,
      load,
      evaluate: (text) => requireScriptEvaluator().evaluateScript(scriptEnv, text, { strict: true }),
    };
    const ChildCompartment = class Compartment extends CompartmentBase {};
    parentOfClass.set(ChildCompartment, state);
    stateOf.set(this, state);
    defineHidden(global, { globalThis: global, ...createEvaluators(scriptEnv), Compartment: ChildCompartment });
    if (globals != null) Object.assign(global, globals);
  }

  /** The compartment's own global object. */
  get globalThis(): object {
    return stateOrThrow(this, 'globalThis').globalThis;
  }

  /** The name given in the options (for diagnostics). */
  get name(): string {
    return stateOrThrow(this, 'name').name;
  }

  /** Runs strict script code with this compartment's global; returns the completion value. */
  evaluate(source: string): unknown {
    const state = stateOrThrow(this, 'evaluate');
    if (typeof source !== 'string') throw new TypeError(`Compartment.prototype.evaluate: source must be a string, got ${describe(source)}`);
    return state.evaluate(source);
  }

  /** Loads, links and evaluates the module for `specifier`; resolves to its namespace. */
  async import(specifier: string): Promise<object> {
    return importInstance(await loadFor(this, 'import', specifier, false));
  }

  /** The synchronous form of `import`; throws for top-level await or asynchronous hooks. */
  importNow(specifier: string): object {
    return importInstanceNow(loadFor(this, 'importNow', specifier, true) as ModuleInstance);
  }

  /** Loads the module graph for `specifier` without running it. */
  async load(specifier: string): Promise<void> {
    await loadGraph(await loadFor(this, 'load', specifier, false));
  }

  /** The synchronous form of `load`. */
  loadNow(specifier: string): void {
    loadGraphNow(loadFor(this, 'loadNow', specifier, true) as ModuleInstance);
  }

  /** `'Compartment'` for a Compartment. */
  get [Symbol.toStringTag](): string | undefined {
    return stateOf.has(this) ? 'Compartment' : undefined;
  }
}

const CompartmentBase = Compartment;
