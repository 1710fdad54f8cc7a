/**
 * Evaluators (Compartments layer 3, CONFORMANCE 30): `eval`, `Function` and
 * `Module` bound to one global object. Text goes through the installed
 * compiler and script evaluator (compiler-slot.ts); without them (browser
 * builds) `eval` and `Function` throw the EvalError of compiler-slot.ts,
 * while `Module` still links precompiled records.
 */
import { requireScriptEvaluator } from './compiler-slot.js';
import { createModuleClass, type ImportHook, type ModuleClass } from './module-bridge.js';
import type { ScriptEnvironment } from './script-evaluation.js';
import { defineHidden, isBag, isObject, notAnObject, readHook } from './shared-helpers.js';

/** A global object and the hooks its evaluated code uses (`dynamicImport` is filled in on first use when absent). */
export type EvaluationEnvironment = ScriptEnvironment;

/** The text evaluators of one environment. */
export interface EvaluatorSet {
  eval: (source: unknown) => unknown;
  Function: (...parametersAndBody: unknown[]) => unknown;
}

/**
 * Creates a `Function` constructor whose functions resolve free names
 * against `scriptEnv.globalThis`. Like the built-in, it works with and
 * without `new`, and its `prototype` is the shared Function.prototype (the
 * async and generator constructors are reachable only by syntax, which
 * yields the host's: see global.ts).
 */
export function createFunctionConstructor(scriptEnv: ScriptEnvironment): (...parametersAndBody: unknown[]) => unknown {
  // Named and with one declared parameter, for the built-in's `name` and `length`.
  const construct = function Function(_body: unknown): unknown {
    // eslint-disable-next-line prefer-rest-params -- a rest parameter would make `length` 0
    return requireScriptEvaluator('Function(…)').createFunction(scriptEnv, [...arguments]);
  };
  Object.defineProperty(construct, 'prototype', { value: Function.prototype, writable: false });
  return construct as (...parametersAndBody: unknown[]) => unknown;
}

/** Creates `{eval, Function}` bound to `env.globalThis`; scripts they run share `env` (and its `import()`). */
export function createEvaluators(env: EvaluationEnvironment): EvaluatorSet {
  return {
    // An arrow function: like the built-in `eval`, it has no [[Construct]].
    eval: (source: unknown): unknown => (typeof source === 'string' ? requireScriptEvaluator().evaluateScript(env, source) : source),
    Function: createFunctionConstructor(env),
  };
}

/** Options of `new Evaluators(…)`. */
export interface EvaluatorsOptions {
  /** The global object evaluated code sees; the host's `globalThis` when absent. */
  globalThis?: object;
  /** Resolves `import()` specifiers of evaluated code and of its modules. */
  importHook?: ImportHook;
  /** Properties copied onto every `import.meta` of modules created by `Module`. */
  importMeta?: object;
  /** Called with every `import.meta` object of modules created by `Module`. */
  importMetaHook?: (meta: object) => void;
}

/** Reads the common hook options of Evaluators and Global. */
export function readEnvironmentOptions(options: unknown, what: string): { importHook?: ImportHook; importMetaHook?: (meta: object) => void } {
  if (options === undefined) return {};
  if (!isBag(options)) throw notAnObject(`${what} options`, options);
  const importHook = readHook<ImportHook>(options, 'importHook', `${what}: `);
  const metaHook = readHook<(meta: object) => void>(options, 'importMetaHook', `${what}: `);
  const importMeta = (options as { importMeta?: unknown }).importMeta;
  if (importMeta !== undefined && !isBag(importMeta)) {
    throw notAnObject(`${what} option importMeta`, importMeta);
  }
  let importMetaHook = metaHook;
  if (importMeta !== undefined) {
    const extra = importMeta as object;
    importMetaHook = (meta: object) => {
      Object.assign(meta, extra);
      metaHook?.(meta);
    };
  }
  return { importHook, importMetaHook };
}

/**
 * `new Evaluators({ globalThis, importHook, importMeta })`: an object with
 * `eval`, `Function` and `Module` that evaluate against `globalThis`.
 */
export class Evaluators {
  /** Evaluates script text against this global; returns non-strings unchanged. */
  declare readonly eval: (source: unknown) => unknown;
  /** Creates functions whose free names resolve against this global. */
  declare readonly Function: (...parametersAndBody: unknown[]) => unknown;
  /** Module instances bound to this global and these hooks. */
  declare readonly Module: ModuleClass;

  constructor(options: EvaluatorsOptions = {}) {
    const hooks = readEnvironmentOptions(options, 'Evaluators');
    const globalObject = options.globalThis ?? globalThis;
    if (!isObject(globalObject)) {
      throw notAnObject('Evaluators option globalThis', globalObject);
    }
    const env: EvaluationEnvironment = { globalThis: globalObject, ...hooks };
    defineHidden(this, { ...createEvaluators(env), Module: createModuleClass(env) });
  }
}
