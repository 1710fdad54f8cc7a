/**
 * Evaluators (Compartments layer 3, CONFORMANCE 30): `eval`, `Function` and
 * `Module` bound to one global object. Text goes through the installed
 * compiler; without one (browser builds) `eval` and `Function` throw the
 * EvalError of compiler-slot.ts, while `Module` still links precompiled
 * records.
 */
import { requireCompiler } from './compiler-slot.js';
import { createDynamicImport } from './global-import.js';
import { createModuleClass, type ImportHook, type ModuleClass, type ModuleEnvironment } from './module-bridge.js';
import { evaluateScript, runScriptRecord, type ScriptEnvironment } from './script-evaluation.js';
import { isObject, readHook } from './shared-helpers.js';

/** A global object and the hooks its evaluated code uses. */
export interface EvaluationEnvironment {
  globalThis: object;
  importHook?: ImportHook;
  importMetaHook?: (meta: object) => void;
  /** Everything evaluated here is strict code (spawn's `'strict'` subset). */
  forceStrict?: boolean;
}

/** The evaluators of one environment. */
export interface EvaluatorSet {
  eval: (source: unknown) => unknown;
  Function: (...parametersAndBody: unknown[]) => unknown;
  Module: ModuleClass;
  /** `import()` as evaluated code of this global sees it. */
  import: (specifier: unknown, options?: unknown) => Promise<unknown>;
}

/**
 * Creates a `Function` constructor whose functions resolve free names
 * against `scriptEnv.globalThis`. Like the built-in, it works with and
 * without `new`, and its `prototype` is the shared Function.prototype (the
 * async and generator constructors are reachable only by syntax, which
 * yields the host's: see global.ts).
 */
export function createFunctionConstructor(scriptEnv: ScriptEnvironment): (...parametersAndBody: unknown[]) => unknown {
  const construct = function (...parametersAndBody: unknown[]): unknown {
    const compiler = requireCompiler('Function(…)');
    const parameters = parametersAndBody.slice(0, -1).map((parameter) => `${parameter as string}`).join(',');
    const body = parametersAndBody.length === 0 ? '' : `${parametersAndBody[parametersAndBody.length - 1] as string}`;
    const strict = scriptEnv.forceStrict === true;
    // A dynamic function's mode is its own: forced strictness is a directive
    // at the start of its body (with non-simple parameters that directive is
    // a SyntaxError, which is the honest answer in a strict-only context).
    const source = strict ? `"use strict";${body}` : body;
    const record = compiler.compileScript(source, { strict, functionBody: { params: parameters, kind: 'normal' } });
    return runScriptRecord(scriptEnv, record, { strict, dynamicFunction: true });
  };
  Object.defineProperties(construct, {
    name: { value: 'Function' },
    length: { value: 1 },
    prototype: { value: Function.prototype, writable: false },
  });
  return construct;
}

/** Creates `{eval, Function, Module, import}` bound to `env.globalThis`. */
export function createEvaluators(env: EvaluationEnvironment): EvaluatorSet {
  let moduleClass: ModuleClass | undefined;
  const moduleEnv: ModuleEnvironment = env;
  const getModuleClass = (): ModuleClass => (moduleClass ??= createModuleClass(moduleEnv));
  const dynamicImport = createDynamicImport(moduleEnv);
  const scriptEnv: ScriptEnvironment = { globalThis: env.globalThis, dynamicImport, forceStrict: env.forceStrict };
  // A method, so that like the built-in `eval` it has no [[Construct]].
  const { eval: evaluate } = {
    eval(source: unknown): unknown {
      if (typeof source !== 'string') return source;
      return evaluateScript(scriptEnv, source);
    },
  };
  return {
    eval: evaluate,
    Function: createFunctionConstructor(scriptEnv),
    get Module() {
      return getModuleClass();
    },
    import: dynamicImport,
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
  if (typeof options !== 'object' || options === null) throw new TypeError(`${what} options must be an object`);
  const importHook = readHook<ImportHook>(options, 'importHook', `${what}: `);
  const metaHook = readHook<(meta: object) => void>(options, 'importMetaHook', `${what}: `);
  const importMeta = (options as { importMeta?: unknown }).importMeta;
  if (importMeta !== undefined && (typeof importMeta !== 'object' || importMeta === null)) {
    throw new TypeError(`${what} option importMeta must be an object`);
  }
  let importMetaHook = metaHook;
  if (importMeta !== undefined) {
    const extra = importMeta as object;
    importMetaHook = (meta: object) => {
      Object.assign(meta, extra);
      if (metaHook !== undefined) metaHook(meta);
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
      throw new TypeError('Evaluators option globalThis must be an object');
    }
    const evaluators = createEvaluators({ globalThis: globalObject, ...hooks });
    Object.defineProperties(this, {
      eval: { value: evaluators.eval, writable: true, configurable: true },
      Function: { value: evaluators.Function, writable: true, configurable: true },
      Module: { value: evaluators.Module, writable: true, configurable: true },
    });
  }
}
