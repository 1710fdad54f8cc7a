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
import { getSourceInternals, internalsOfRecordOrVirtual, type SourceInternals } from './module-source.js';
import { defineHidden, describe, hasOwn, isThenable, lookupClassChain, notAn, readHook } from './shared-helpers.js';
import { requireScriptEvaluator } from './compiler-slot.js';
import type { ScriptEnvironment } from './script-evaluation.js';
import { standardGlobalDescriptors } from './standard-globals.js';

type Hook = (...args: never[]) => unknown;

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

interface CompartmentState {
  name: string;
  /** The name as error messages quote it. */
  label: string;
  globalThis: object;
  parent: CompartmentState | undefined;
  modules: Map<string, unknown>;
  moduleMapHook: ((specifier: string) => unknown) | undefined;
  resolveHook: (importSpecifier: string, referrerSpecifier: string) => string;
  loadHook: ((specifier: string) => unknown) | undefined;
  loadNowHook: ((specifier: string) => unknown) | undefined;
  importMetaHook: ((specifier: string, meta: object) => void) | undefined;
  /** Instances by full specifier (aliases included). */
  instances: Map<string, ModuleInstance>;
  /** Loads in flight by full specifier: one hook call each. */
  pending: Map<string, Promise<ModuleInstance>>;
  evaluate: (text: string) => unknown;
}

const stateOf = new WeakMap<object, CompartmentState>();
const parentOfClass = new WeakMap<object, CompartmentState>();

const optionNames = new Set([
  'globals', 'modules', 'resolveHook', 'loadHook', 'importHook', 'loadNowHook', 'importNowHook',
  'importMetaHook', 'moduleMapHook', 'name', '__options__', 'transforms', '__shimTransforms__', 'noAggregateLoadErrors',
]);

/** Extra shared host built-ins a compartment global receives when the host has them. */
const sharedExtras = ['Intl', 'escape', 'unescape', 'harden'];

function optionalHook<T extends Hook>(options: Record<string, unknown>, name: string): T | undefined {
  return readHook<T>(options, name, 'new Compartment(): ');
}

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
  return joined.startsWith('.') || joined.startsWith('/') ? joined : `./${joined}`;
}

function readModules(modules: unknown): Map<string, unknown> {
  if (modules === undefined || modules === null) return new Map();
  if (modules instanceof Map) return new Map(modules as Map<string, unknown>);
  if (typeof modules !== 'object') throw new TypeError('new Compartment(): modules must be an object mapping specifiers to descriptors');
  return new Map(Object.entries(modules));
}

function stateOrThrow(receiver: unknown, member: string): CompartmentState {
  // WeakMap#get answers undefined for primitives, so any value can be looked up.
  const state = stateOf.get(receiver as object);
  if (state === undefined) throw notAn('Compartment', member);
  return state;
}

/** The instance for `specifier` in the compartment `receiver` (a method named `member` was called on it). */
function loadFor(receiver: unknown, member: string, specifier: unknown, sync: boolean): ModuleInstance | Promise<ModuleInstance> {
  return loadSpecifier(stateOrThrow(receiver, member), String(specifier), sync);
}

function loadError(state: CompartmentState, specifier: string, why: string): TypeError {
  return new TypeError(`Cannot load module '${specifier}' in compartment ${state.label}: ${why}`);
}

/** A host per instance: it knows the instance's specifier, the referrer of its imports. */
function hostFor(state: CompartmentState, specifier: string, importMeta: unknown): ModuleHost {
  return {
    globalThis: state.globalThis,
    load: (_referrer, request, sync) => loadSpecifier(state, state.resolveHook(request.specifier, specifier), sync),
    initializeImportMeta(meta) {
      if (importMeta !== undefined && importMeta !== null) Object.assign(meta, importMeta);
      state.importMetaHook?.(specifier, meta);
    },
  };
}

function register(state: CompartmentState, specifier: string, instance: ModuleInstance): ModuleInstance {
  state.instances.set(specifier, instance);
  return instance;
}

/** Turns a descriptor (or a bare source / namespace) into the instance for `specifier`. */
function fromDescriptor(state: CompartmentState, specifier: string, given: unknown, sync: boolean): ModuleInstance | Promise<ModuleInstance> {
  if (given === null || (typeof given !== 'object' && typeof given !== 'function')) {
    throw loadError(state, specifier, `the module descriptor must be an object, got ${describe(given)}`);
  }
  // A Module or a Hermetic namespace stands for its own instance.
  const moduleInstance = getModuleInstance(given) ?? instanceOfNamespace(given);
  if (moduleInstance !== undefined) return register(state, specifier, moduleInstance);
  const descriptor = given as Record<string, unknown>;
  if (hasOwn(descriptor, 'record') && !hasOwn(descriptor, 'source')) {
    // SES spelling: { record, specifier?, importMeta? }.
    return fromDescriptor(state, specifier, { ...descriptor, source: descriptor.record }, sync);
  }
  if (!hasOwn(descriptor, 'source') && !hasOwn(descriptor, 'namespace')) {
    // A bare ModuleSource, record or virtual source (SES importHook results).
    return fromDescriptor(state, specifier, { source: given }, sync);
  }
  if (hasOwn(descriptor, 'namespace')) {
    const namespace = descriptor.namespace;
    if (typeof namespace === 'string') {
      const other = descriptor.compartment === undefined ? state : stateOf.get(descriptor.compartment as object);
      if (other === undefined) throw loadError(state, specifier, 'the descriptor\'s compartment is not a Compartment');
      if (other === state && namespace === specifier) throw loadError(state, specifier, 'the descriptor names itself');
      const loaded = loadSpecifier(other, namespace, sync);
      return isThenable(loaded) ? loaded.then((instance) => register(state, specifier, instance)) : register(state, specifier, loaded);
    }
    if (namespace === null || typeof namespace !== 'object') throw loadError(state, specifier, 'namespace must be a specifier string or an object');
    const instance = getModuleInstance(namespace) ?? instanceForNamespaceObject(namespace, hostFor(state, specifier, undefined), `'${specifier}'`);
    return register(state, specifier, instance);
  }
  const key = typeof descriptor.specifier === 'string' ? descriptor.specifier : specifier;
  const existing = state.instances.get(key);
  if (existing !== undefined) return register(state, specifier, existing);
  const make = (internals: SourceInternals): ModuleInstance => {
    const again = state.instances.get(key);
    if (again !== undefined) return register(state, specifier, again);
    const instance = createInstance(internals, hostFor(state, key, descriptor.importMeta), `'${key}' (compartment ${state.label})`);
    register(state, key, instance);
    return register(state, specifier, instance);
  };
  const source = descriptor.source;
  if (typeof source === 'string') {
    const parent = state.parent;
    if (parent === undefined) throw loadError(state, specifier, `{ source: '${source}' } takes the source from the parent compartment, and this compartment has none`);
    const fromParent = loadSpecifier(parent, source, sync);
    return isThenable(fromParent) ? fromParent.then((instance) => make(instance.source)) : make(fromParent.source);
  }
  if (source === null || typeof source !== 'object') throw loadError(state, specifier, `the descriptor's source must be a ModuleSource, a record, a virtual source or a specifier, got ${describe(source)}`);
  return make(getSourceInternals(source) ?? internalsOfRecordOrVirtual(source, `'${specifier}'`));
}

/** The instance for a full specifier: modules map, then moduleMapHook, then the load hook. */
function loadSpecifier(state: CompartmentState, specifier: string, sync: boolean): ModuleInstance | Promise<ModuleInstance> {
  const known = state.instances.get(specifier);
  if (known !== undefined) return known;
  const pending = state.pending.get(specifier);
  if (pending !== undefined) {
    if (sync) throw loadError(state, specifier, 'it is being loaded asynchronously; importNow/loadNow cannot wait for it');
    return pending;
  }
  if (state.modules.has(specifier)) return fromDescriptor(state, specifier, state.modules.get(specifier), sync);
  if (state.moduleMapHook !== undefined) {
    const mapped = state.moduleMapHook(specifier);
    if (mapped !== undefined) return fromDescriptor(state, specifier, mapped, sync);
  }
  const hook = sync ? state.loadNowHook : state.loadHook ?? state.loadNowHook;
  if (hook === undefined) {
    throw loadError(state, specifier, `it is not in modules and there is no ${sync ? 'loadNowHook (or importNowHook)' : 'loadHook (or importHook)'} to load it`);
  }
  const result = hook(specifier);
  if (!isThenable(result)) {
    if (result === undefined) throw loadError(state, specifier, 'the load hook returned undefined');
    return fromDescriptor(state, specifier, result, sync);
  }
  if (sync) throw loadError(state, specifier, 'the loadNowHook returned a promise');
  const loading = Promise.resolve(result).then(
    (descriptor) => {
      state.pending.delete(specifier);
      if (descriptor === undefined) throw loadError(state, specifier, 'the load hook resolved to undefined');
      return fromDescriptor(state, specifier, descriptor, false);
    },
    (error: unknown) => {
      state.pending.delete(specifier);
      throw error;
    },
  );
  state.pending.set(specifier, loading);
  return loading;
}

function buildGlobal(state: CompartmentState, globals: unknown, CompartmentClass: object): object {
  const host = globalThis as Record<string, unknown>;
  const global: object = {};
  Object.defineProperties(global, standardGlobalDescriptors(globalThis));
  for (const name of sharedExtras) {
    const descriptor = Reflect.getOwnPropertyDescriptor(host, name);
    if (descriptor !== undefined) Object.defineProperty(global, name, descriptor);
  }
  // Shared by eval, Function and evaluate, so their scripts share one module map.
  const scriptEnv: ScriptEnvironment = { globalThis: global, loadInstance: (specifier) => loadSpecifier(state, specifier, false) };
  const evaluators = createEvaluators(scriptEnv);
  defineHidden(global, { globalThis: global, eval: evaluators.eval, Function: evaluators.Function, Compartment: CompartmentClass });
  if (globals !== undefined && globals !== null) Object.assign(global, globals);
  state.evaluate = (text: string) => requireScriptEvaluator().evaluateScript(scriptEnv, text, { strict: true });
  return global;
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
    let options: Record<string, unknown>;
    let globals: unknown;
    let modules: unknown;
    const first = args[0];
    const isBag = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object';
    // One argument is the proposal's option bag, unless none of its keys is an
    // option name: then it is SES's legacy `new Compartment(endowments)`.
    const legacyEndowments = args.length === 1 && isBag(first) && Object.keys(first).length > 0 && !Object.keys(first).some((key) => optionNames.has(key));
    if ((args.length <= 1 && !legacyEndowments) || (isBag(first) && first.__options__ === true)) {
      if (first !== undefined && !isBag(first)) throw new TypeError('new Compartment(options): options must be an object');
      options = first ?? {};
      globals = options.globals;
      modules = options.modules;
    } else {
      const third = args[2];
      if (third !== undefined && !isBag(third)) throw new TypeError('new Compartment(globals, modules, options): options must be an object');
      options = third ?? {};
      globals = first;
      modules = args[1];
    }
    const state: CompartmentState = {
      name: options.name === undefined ? '' : String(options.name),
      label: options.name === undefined ? '<unnamed>' : JSON.stringify(String(options.name)),
      globalThis: {},
      parent: lookupClassChain(parentOfClass, new.target),
      modules: readModules(modules),
      moduleMapHook: optionalHook(options, 'moduleMapHook'),
      resolveHook: optionalHook<CompartmentState['resolveHook']>(options, 'resolveHook') ?? defaultResolveHook,
      loadHook: optionalHook(options, 'loadHook') ?? optionalHook(options, 'importHook'),
      loadNowHook: optionalHook(options, 'loadNowHook') ?? optionalHook(options, 'importNowHook'),
      importMetaHook: optionalHook(options, 'importMetaHook'),
      instances: new Map(),
      pending: new Map(),
      evaluate: () => undefined,
    };
    const ChildCompartment = class Compartment extends CompartmentBase {};
    parentOfClass.set(ChildCompartment, state);
    stateOf.set(this, state);
    state.globalThis = buildGlobal(state, globals, ChildCompartment);
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
    if (typeof source !== 'string') throw new TypeError(`Compartment.prototype.evaluate expects a string, got ${describe(source)}`);
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
