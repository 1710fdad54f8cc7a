/**
 * Script-goal evaluation against a global object: the `eval` of a Global or
 * Evaluators, `Compartment#evaluate`, and the body of `hermeticEval`. Text is
 * compiled by the installed compiler (compiler-slot.ts); a precompiled
 * script record can be run directly with `runScriptRecord`.
 */
import { requireCompiler } from './compiler-slot.js';
import { declarationsOf, instantiateGlobalDeclarations } from './global-declarations.js';
import { buildGlobalScope, typeofGlobal } from './global-scope.js';
import type { ScriptHandle, ScriptRecord } from './record-types.js';

/** The global a script runs against and how its `import()` behaves. */
export interface ScriptEnvironment {
  /** The global object: var/function declarations become its properties. */
  globalThis: object;
  /** Forces strict code for everything evaluated here (spawn's `'strict'` subset). */
  forceStrict?: boolean;
  /** `import()` inside the script. */
  dynamicImport(specifier: unknown, options?: unknown): Promise<unknown>;
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

/** A script record may name its `const` bindings so that later writes throw. */
type RunnableScriptRecord = ScriptRecord & { constNames?: readonly string[] };

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

/** Runs a (precompiled) script record against `env.globalThis`. */
export function runScriptRecord(env: ScriptEnvironment, record: RunnableScriptRecord, options: ScriptEvaluationOptions = {}): unknown {
  const globalObject = env.globalThis;
  const strict = record.strict || options.strict === true || env.forceStrict === true;
  if ((options.strict === true || env.forceStrict === true) && !record.strict && options.dynamicFunction !== true) {
    throw new TypeError('A sloppy script record cannot run where strict code is required; compile it with { strict: true }');
  }
  instantiateGlobalDeclarations(globalObject, { ...record, specifier: options.specifier });
  const names = [...record.varNames, ...record.functionNames, ...record.lexicalNames, ...record.globals];
  const declarations = declarationsOf(globalObject);
  const handle: ScriptHandle = {
    g: buildGlobalScope(globalObject, names, strict, declarations),
    y: (name: string) => typeofGlobal(globalObject, name, declarations),
    l(name: string, value: unknown) {
      const binding = declarations.lexical.get(name);
      if (binding === undefined) throw new TypeError(`Script record initialises '${name}', which it did not declare in lexicalNames`);
      binding.value = value;
      binding.initialized = true;
      return value;
    },
    i: env.dynamicImport,
  };
  let thisValue = 'thisValue' in options ? options.thisValue : globalObject;
  // Sloppy code would turn a nullish `this` into the host's global object;
  // substitute this evaluation's global, as OrdinaryCallBindThis would in a realm of its own.
  if (!strict && (thisValue === undefined || thisValue === null)) thisValue = globalObject;
  return Reflect.apply(record.functor, thisValue, [handle]);
}
