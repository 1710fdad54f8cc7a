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
import { emitRecordText } from './source-map.js';
import { rewriteFreeReference, IMMUTABLE_GLOBALS } from './free-references.js';
import { isWrite, rejectWith, startRewrite, warnDirectEval } from './rewrite-session.js';
import type { CompileCommonJSOptions, CompiledCommonJS, ScopePreludeInfo } from './types.js';

/** The parameters of the CommonJS wrapper function (and its `arguments`): never globals. */
export const COMMONJS_WRAPPER_NAMES: readonly string[] = ['exports', 'require', 'module', '__filename', '__dirname', 'arguments'];

/**
 * Compiles the body of a CommonJS module. Free references become `$hg.X`
 * (sloppy code) or `$ht.X` (writes from strict functions inside sloppy code,
 * whose setter must throw for an absent name), `typeof X` becomes
 * `$hy("X")`, `this` inside sloppy functions `$hw(this)`; the scope prelude
 * (which must bind those names) is put first, after the directive prologue,
 * on the first line, so every line keeps its number.
 */
export function compileCommonJS(text: string, options: CompileCommonJSOptions = {}): CompiledCommonJS {
  const specifier = options.specifier ?? '<anonymous>';
  const file = parseSource(text, specifier, 'script', undefined, true);
  const program = file.program;
  const strict = program.directives.some((d) => d.value.value === 'use strict');
  const analysis = analyze(program, strict, COMMONJS_WRAPPER_NAMES);
  rejectWith(analysis, text, specifier);
  const session = startRewrite(text);
  const { p, edits, used, alias, globals, warnings } = session;
  // Strict code writing a free name must throw when it is absent: it gets the strict scope object.
  const strictAlias = (member: string): string => alias(member === 'g' ? 't' : member);
  const preserved = (options.preserve ?? []).filter((chain) => chain.includes('.'));
  const isPreserved = (start: number): boolean =>
    preserved.some((chain) => text.startsWith(chain, start) && !/[\w$]/.test(text[start + chain.length] ?? ''));
  for (const ref of analysis.references) {
    const name = ref.node.name;
    if (ref.scope.lookup(name) !== undefined || IMMUTABLE_GLOBALS.has(name)) continue;
    // Left for a later `define`/replace step, which only matches the chain as written.
    if (ref.role === 'read' && isPreserved(ref.node.start as number)) continue;
    rewriteFreeReference(ref, edits, isWrite(ref) && ref.strict && !strict ? strictAlias : alias, globals);
    warnDirectEval(session, ref, text, specifier, 'local variables');
  }
  for (const node of analysis.sloppyThis) edits.replace(node.start as number, node.end as number, `${alias('w')}(this)`);
  // A hashbang line cannot follow the prelude.
  if (program.interpreter) edits.replace(program.interpreter.start as number, program.interpreter.end as number, '');

  const info: ScopePreludeInfo = { prefix: p, globals: globals.names(), strict, uses: [...used].sort() };
  const prelude = typeof options.scopePrelude === 'function'
    ? options.scopePrelude(info)
    : (options.scopePrelude ?? '').replace(/\$h(?=[a-zA-Z])/g, p);
  if (/[\n\r\u2028\u2029]/.test(prelude)) throw new TypeError(`${specifier}: the scope prelude must fit on one line (it would shift the source map)`);
  // After the directive prologue, so "use strict" stays a directive.
  const lastDirective = program.directives[program.directives.length - 1];
  const at = lastDirective ? (lastDirective.end as number) : 0;
  if (prelude !== '') edits.wrap(at, at, '', prelude);
  const { code, map } = emitRecordText(text, edits, '', '', specifier, options.sourceMap);
  return { code, map, globals: info.globals, strict, uses: info.uses, prefix: p, warnings };
}
