/**
 * The runtime never turns text into code. Hosts that may evaluate strings
 * (Node, through the `hermetic` package) install a compiler here; without one,
 * every text-taking API throws the documented EvalError.
 *
 * The slot also holds the script evaluator (script-evaluation.ts: global
 * declarations, script scopes, dynamic functions). Only `installCompiler`
 * (install-compiler.ts) puts it here, so a bundle that never installs a
 * compiler — a browser bundle of precompiled records — does not carry it:
 * `eval`, `Function` and `Compartment#evaluate` reach it only through the slot.
 */
import type { ModuleRecord, ScriptRecord } from './record-types.js';
import type { ScriptEnvironment, ScriptEvaluationOptions } from './script-evaluation.js';

/** What a host that can evaluate strings provides. */
export interface InstalledCompiler {
  /** Compiles module text into a record whose functor is a real function. */
  compileModule(text: string, options: { specifier?: string }): ModuleRecord;
  /** Compiles script text (script goal) into a script record. */
  compileScript(text: string, options: { specifier?: string; strict?: boolean; functionBody?: { params: string; kind: 'normal' | 'async' | 'generator' | 'asyncGenerator' } }): ScriptRecord;
}

/** Script-goal evaluation, installed together with a compiler. */
export interface ScriptEvaluator {
  /** Compiles and runs script text against `env.globalThis`; returns the completion value. */
  evaluateScript(env: ScriptEnvironment, text: string, options?: ScriptEvaluationOptions): unknown;
  /** `Function(...parameters, body)` of `env`: a function whose free names resolve against `env.globalThis`. */
  createFunction(env: ScriptEnvironment, parametersAndBody: unknown[]): unknown;
}

let installed: InstalledCompiler | undefined;
let installedScripts: ScriptEvaluator | undefined;

/** Fills the slot: both parts together, so a compiler never lacks the evaluator. */
export function fillCompilerSlot(compiler: InstalledCompiler, scripts: ScriptEvaluator): void {
  installed = compiler;
  installedScripts = scripts;
}

/** Returns the installed compiler, or throws the EvalError that tells the user to precompile. */
export function requireCompiler(what: string): InstalledCompiler {
  if (installed === undefined) {
    throw new EvalError(
      `${what} needs to compile source text at run time (no eval under a strict CSP). ` +
        `Precompile the code (@hermetic/module-source or a bundler plugin), or use 'hermetic' in Node`,
    );
  }
  return installed;
}

/** Returns the installed script evaluator, or throws the EvalError of `requireCompiler`. */
export function requireScriptEvaluator(what = 'Evaluating a script'): ScriptEvaluator {
  requireCompiler(what);
  return installedScripts as ScriptEvaluator;
}
