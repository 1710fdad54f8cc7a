import type { CompileScriptOptions, CompiledScript } from './types.js';
/** Compiles script text into a script record (placeholder until implemented). */
export function compileScript(text: string, options: CompileScriptOptions = {}): CompiledScript {
  void text; void options;
  throw new Error('not implemented');
}
