/**
 * `installCompiler`: the one entry that brings script evaluation into a
 * bundle (see compiler-slot.ts). A host that can compile text can also run
 * scripts, so both are installed together.
 */
import { fillCompilerSlot, type InstalledCompiler } from './compiler-slot.js';
import { scriptEvaluator } from './script-evaluation.js';

/** Installs the compiler used by `new ModuleSource(text)`, `eval`, `Function` and `evaluate`. */
export function installCompiler(compiler: InstalledCompiler): void {
  fillCompilerSlot(compiler, scriptEvaluator);
}
