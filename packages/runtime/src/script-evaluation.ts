/**
 * Script-goal evaluation against a global object: the `eval` of a Global or
 * Evaluators, `Function`, `Compartment#evaluate`, and the body of
 * `hermeticEval`. Text is compiled by the installed compiler
 * (compiler-slot.ts); a precompiled script record can be run directly with
 * `runScriptRecord`. Nothing else imports this module statically: it reaches
 * a bundle through `installCompiler` or `runScriptRecord` only.
 */
import { requireCompiler, type ScriptEvaluator } from './compiler-slot.js';
import { declarationsOf, instantiateGlobalDeclarations } from './global-declarations.js';
import { createDynamicImport } from './global-import.js';
import { buildGlobalScope, typeofGlobal } from './global-scope.js';
import type { ImportHook } from './module-bridge.js';
import { moduleOfInstance } from './module.js';
import type { ModuleInstance } from './module-instance.js';
import type { ScriptHandle, ScriptRecord } from './record-types.js';

/** The global a script runs against and how its `import()` behaves. */
export interface ScriptEnvironment {
  /** The global object: var/function declarations become its properties. */
  globalThis: object;
  /** Forces strict code for everything evaluated here (spawn's `'strict'` subset). */
  forceStrict?: boolean;
  /** Resolves `import()` specifiers of the script (and of the modules it imports). */
  importHook?: ImportHook;
  /** Called with every `import.meta` of modules the script imports. */
  importMetaHook?: (meta: object) => void;
  /**
   * `import()` inside the script. When absent, the first script that runs
   * creates it from the hooks (the global's module map) and stores it here,
   * so every script of this environment shares one module map.
   */
  dynamicImport?: (specifier: unknown, options?: unknown) => Promise<unknown>;
  /**
   * A compartment's loader, standing for an `importHook` that answers the
   * Module of the loaded instance. The hook is made here, on first use, so
   * that a bundle without script evaluation does not carry public Module
   * objects for it.
   */
  loadInstance?: (fullSpecifier: string) => ModuleInstance | Promise<ModuleInstance>;
}

/** The `import()` of scripts run in `env`: its module map and hooks. */
function dynamicImportOf(env: ScriptEnvironment): (specifier: unknown, options?: unknown) => Promise<unknown> {
  const load = env.loadInstance;
  const hooks = !load ? env : { ...env, importHook: async (specifier: string) => moduleOfInstance(await load(specifier)) };
  return (env.dynamicImport ??= createDynamicImport(hooks));
}

/** Options of one evaluation. */
export interface ScriptEvaluationOptions {
  /** Evaluate as strict code even without a `"use strict"` directive. */
  strict?: boolean;
  /** Top-level `this`; the global object unless given. */
  thisValue?: unknown;
  /** Names the script in error messages. */
  specifier?: string;
  /**
   * The record is a dynamic function's (its `strict` is always false; the
   * function's own directive decides its mode), so forced strictness applies
   * to the scope only.
   */
  dynamicFunction?: boolean;
}

/**
 * Evaluates script text with `env.globalThis` as its global: compiles it,
 * performs GlobalDeclarationInstantiation and runs it. Returns the
 * completion value.
 */
export function evaluateScript(env: ScriptEnvironment, text: string, options: ScriptEvaluationOptions = {}): unknown {
  const strict = options.strict === true || env.forceStrict === true;
  const compiler = requireCompiler('Evaluating a script');
  const record = compiler.compileScript(text, { strict, specifier: options.specifier });
  return runScriptRecord(env, record, options);
}

/**
 * Creates a function from `Function(...parameters, body)` arguments that
 * resolves free names against `env.globalThis` (see `createFunctionConstructor`).
 */
export function createFunction(env: ScriptEnvironment, parametersAndBody: unknown[]): unknown {
  const compiler = requireCompiler('Function(…)');
  const parameters = parametersAndBody.slice(0, -1).map((parameter) => `${parameter as string}`).join(',');
  const body = parametersAndBody.length === 0 ? '' : `${parametersAndBody[parametersAndBody.length - 1] as string}`;
  const strict = env.forceStrict === true;
  // A dynamic function's mode is its own: forced strictness is a directive
  // at the start of its body (with non-simple parameters that directive is
  // a SyntaxError, which is the honest answer in a strict-only context).
  const source = strict ? `"use strict";${body}` : body;
  const record = compiler.compileScript(source, { strict, functionBody: { params: parameters, kind: 'normal' } });
  return runScriptRecord(env, record, { strict, dynamicFunction: true });
}

/** What `installCompiler` puts in the compiler slot. */
export const scriptEvaluator: ScriptEvaluator = { evaluateScript, createFunction };

/**
 * Runs a precompiled script record (docs/record-format.md "Script records")
 * against `env.globalThis`: GlobalDeclarationInstantiation, then the functor
 * with `this` = the global object (or `options.thisValue`). Returns the
 * completion value. Needs no compiler, so it works under a strict CSP.
 */
export function runScriptRecord(env: ScriptEnvironment, record: ScriptRecord, options: ScriptEvaluationOptions = {}): unknown {
  const globalObject = env.globalThis;
  const strict = record.strict || options.strict === true || env.forceStrict === true;
  if ((options.strict === true || env.forceStrict === true) && !record.strict && options.dynamicFunction !== true) {
    throw new TypeError('This needs strict code: compile the script record with { strict: true }');
  }
  instantiateGlobalDeclarations(globalObject, { ...record, specifier: options.specifier });
  const names = [...record.varNames, ...record.functionNames, ...record.lexicalNames, ...record.globals];
  const declarations = declarationsOf(globalObject);
  const handle: ScriptHandle = {
    g: buildGlobalScope(globalObject, names, strict, declarations),
    y: (name: string) => typeofGlobal(globalObject, name, declarations),
    l(name: string, value: unknown) {
      const binding = declarations.lexical.get(name);
      if (!binding) throw new TypeError(`The script record initialises '${name}', missing from its lexicalNames`);
      binding.value = value;
      binding.initialized = true;
      return value;
    },
    i: dynamicImportOf(env),
  };
  let thisValue = 'thisValue' in options ? options.thisValue : globalObject;
  // Sloppy code would turn a nullish `this` into the host's global object;
  // substitute this evaluation's global, as OrdinaryCallBindThis would in a realm of its own.
  if (!strict && thisValue == null) thisValue = globalObject;
  return Reflect.apply(record.functor, thisValue, [handle]);
}
