/**
 * compileCommonJS: a CommonJS module's text → the same text with every free
 * reference compiled against a global scope object, for bundlers that keep
 * their own CommonJS wrapper (require resolution, interop, chunking) but must
 * run the module in its package's compartment. The text is the body of the
 * wrapper function: `require`, `module`, `exports`, `__filename`,
 * `__dirname` and `arguments` are its locals, top-level `var`s and functions
 * stay locals, a top-level `return` is allowed, and the code is sloppy unless
 * it says "use strict".
 */
import { parseSource } from './parse-source.js';
import { analyze } from './scope-analysis.js';
import { rewriteInPlace } from './compile-in-place.js';
import { mayHoldHtmlComment, rejectAwaitIdentifier } from './parser-differentials.js';
import type { CompileCommonJSOptions, CompiledCommonJS } from './types.js';

/** The parameters of the CommonJS wrapper function (and its `arguments`): never globals. */
export const COMMONJS_WRAPPER_NAMES: readonly string[] = ['exports', 'require', 'module', '__filename', '__dirname', 'arguments'];

/**
 * Compiles the body of a CommonJS module. Free references become `$hg.X`
 * (sloppy code) or `$ht.X` (writes from strict functions inside sloppy code,
 * whose setter must throw for an absent name), `typeof X` becomes
 * `$hy("X")`, `this` inside sloppy functions `$hw(this)`, `import()` as in
 * `compileModuleInPlace` (`$hd` for a specifier that is not a literal); the scope prelude
 * (which must bind those names) is put first, after the directive prologue,
 * on the first line, so every line keeps its number.
 */
export function compileCommonJS(text: string, options: CompileCommonJSOptions = {}): CompiledCommonJS {
  const specifier = options.specifier ?? '<anonymous>';
  const file = parseSource(text, specifier, 'script', undefined, true, { tokens: mayHoldHtmlComment(text) });
  const program = file.program;
  const strict = program.directives.some((d) => d.value.value === 'use strict');
  const analysis = analyze(program, strict, COMMONJS_WRAPPER_NAMES);
  rejectAwaitIdentifier(analysis.references, text, specifier);
  return rewriteInPlace(
    {
      text, specifier, location: options.location ?? specifier, file, program, analysis, strict, hidden: 'local variables', preserve: options.preserve ?? [],
      directCalls: options.directCalls ?? [], sourceMap: options.sourceMap, scopePrelude: options.scopePrelude,
    },
    ({ edits, alias }) => {
      for (const node of analysis.sloppyThis) edits.replace(node.start as number, node.end as number, `${alias('w')}(this)`);
    },
  );
}
