/**
 * The runtime never turns text into code. Hosts that may evaluate strings
 * (Node, through the `hermetic` package) install a compiler here; without one,
 * every text-taking API throws the documented EvalError.
 */
import type { ModuleRecord, ScriptRecord } from './record-types.js';

/** What a host that can evaluate strings provides. */
export interface InstalledCompiler {
  /** Compiles module text into a record whose functor is a real function. */
  compileModule(text: string, options: { specifier?: string }): ModuleRecord;
  /** Compiles script text (script goal) into a script record. */
  compileScript(text: string, options: { specifier?: string; strict?: boolean; functionBody?: { params: string; kind: 'normal' | 'async' | 'generator' | 'asyncGenerator' } }): ScriptRecord;
}

let installed: InstalledCompiler | undefined;

/** Installs the compiler used by `new ModuleSource(text)`, `eval`, `Function` and `evaluate`. */
export function installCompiler(compiler: InstalledCompiler): void {
  installed = compiler;
}

/** Returns the installed compiler, or throws the EvalError that tells the user to precompile. */
export function requireCompiler(what: string): InstalledCompiler {
  if (installed === undefined) {
    throw new EvalError(
      `${what} needs to compile source text at run time, which this build of Hermetic cannot do ` +
        `(no eval under a strict Content-Security-Policy). Precompile the code with @hermetic/module-source ` +
        `or a Hermetic bundler plugin, or use the 'hermetic' package in Node.`,
    );
  }
  return installed;
}
