/**
 * In-place compilation: a module's text stays what it is (an ES module, or
 * the body of a CommonJS wrapper) and only its free references are compiled
 * against a global scope object, for bundlers that link modules themselves
 * (scope hoisting, interop, chunking) but must run each package against its
 * own global. `compileModuleInPlace` is the ES-module goal; compileCommonJS
 * (compile-commonjs.ts) the CommonJS one; both share {@link rewriteInPlace}.
 */
import type * as t from '@babel/types';
import { parseSource } from './parse-source.js';
import { analyze, type Analysis } from './scope-analysis.js';
import { emitRecordText } from './source-map.js';
import { columnMapOf } from './column-map.js';
import { rewriteFreeReference, IMMUTABLE_GLOBALS } from './free-references.js';
import { isWrite, rejectWith, startRewrite, warnDirectEval, type RewriteSession } from './rewrite-session.js';
import { rewriteDynamicImports } from './dynamic-imports.js';
import { explainHtmlCloseComment, mayHoldHtmlComment, rejectHtmlComments } from './parser-differentials.js';
import type { CompileModuleInPlaceOptions, CompiledInPlace, CompiledModuleInPlace, ScopePreludeInfo, SourceMapV3 } from './types.js';

/** What {@link rewriteInPlace} needs to know of one goal. */
export interface InPlaceGoal {
  text: string;
  specifier: string;
  /** The parse, tokens kept when {@link mayHoldHtmlComment}. */
  file: t.File;
  program: t.Program;
  analysis: Analysis;
  strict: boolean;
  /** How run-time errors name the file (see {@link CompileModuleInPlaceOptions.location}). */
  location: string;
  /** What local variables the direct-eval warning says are out of reach. */
  hidden: string;
  preserve: readonly string[];
  /** Free names whose calls need no `(0, …)` (see {@link CompileModuleInPlaceOptions.directCalls}). */
  directCalls: readonly string[];
  sourceMap: boolean | 'columns' | undefined;
  scopePrelude: string | ((info: ScopePreludeInfo) => string) | undefined;
}

/**
 * Rewrites every free reference of `goal` (strict writes from strict code
 * inside sloppy code through `$ht`) and every `import()` whose specifier is
 * not a literal (through `$hd`), puts the scope prelude first on line 1
 * (after the directive prologue, so every line keeps its number) and drops a
 * hashbang line. Rejects `with` and HTML-like comments. `extraEdits` lets a
 * goal add its own edits before the prelude is made.
 */
export function rewriteInPlace(goal: InPlaceGoal, extraEdits?: (session: RewriteSession) => void): CompiledInPlace {
  const { text, specifier, program, analysis, strict } = goal;
  rejectWith(analysis, text, specifier);
  rejectHtmlComments(goal.file, text, specifier);
  const session = startRewrite(text);
  const { p, edits, used, alias, globals, warnings } = session;
  // Strict code writing a free name must throw when it is absent: it gets the strict scope object.
  const strictAlias = (member: string): string => alias(member === 'g' ? 't' : member);
  const preserved = goal.preserve.filter((chain) => chain.includes('.'));
  const directCalls = new Set(goal.directCalls);
  const isPreserved = (start: number): boolean =>
    preserved.some((chain) => text.startsWith(chain, start) && !/[\w$]/.test(text[start + chain.length] ?? ''));
  for (const ref of analysis.references) {
    const name = ref.node.name;
    if (ref.scope.lookup(name) !== undefined || IMMUTABLE_GLOBALS.has(name)) continue;
    // Left for a later `define`/replace step, which only matches the chain as written.
    if (ref.role === 'read' && isPreserved(ref.node.start as number)) continue;
    if (ref.role === 'callee' && directCalls.has(name)) {
      globals.add(name, ref.node.start as number);
      edits.replace(ref.node.start as number, ref.node.end as number, `${alias('g')}.${name}`);
      continue;
    }
    rewriteFreeReference(ref, edits, isWrite(ref) && ref.strict && !strict ? strictAlias : alias, globals);
    warnDirectEval(session, ref, text, specifier, goal.hidden);
  }
  rewriteDynamicImports(session, analysis.importExpressions, text, specifier, goal.location);
  extraEdits?.(session);
  // A hashbang line cannot follow the prelude.
  if (program.interpreter) edits.replace(program.interpreter.start as number, program.interpreter.end as number, '');

  const info: ScopePreludeInfo = { prefix: p, globals: globals.names(), strict, uses: [...used].sort() };
  const prelude = typeof goal.scopePrelude === 'function'
    ? goal.scopePrelude(info)
    : (goal.scopePrelude ?? '').replace(/\$h(?=[a-zA-Z])/g, p);
  if (/[\n\r\u2028\u2029]/.test(prelude)) throw new TypeError(`${specifier}: the scope prelude must fit on one line (it would shift the source map)`);
  // After the directive prologue, so "use strict" stays a directive.
  const lastDirective = program.directives[program.directives.length - 1];
  const at = lastDirective ? (lastDirective.end as number) : 0;
  // A directive may end without a semicolon (`'use strict'` then a newline): the prelude on its line needs one.
  if (prelude !== '') edits.wrap(at, at, '', at > 0 && text[at - 1] !== ';' ? `;${prelude}` : prelude);
  const result = { globals: info.globals, strict, uses: info.uses, prefix: p, warnings };
  if (goal.sourceMap === 'columns') {
    const columns = columnMapOf(text, edits.changes());
    if (columns !== undefined) return { code: edits.apply(text), map: undefined, columns, ...result };
  }
  const { code, map } = emitRecordText(text, edits, '', '', specifier, goal.sourceMap !== undefined && goal.sourceMap !== false);
  return { code, map: map as SourceMapV3 | undefined, ...result };
}

/**
 * Compiles an ES module in place: imports, exports, `import.meta` and
 * `import()` of a literal stay as written for the bundler (a template
 * without substitutions becomes that literal, any other specifier
 * `$hd(specifier, "file:line:col")`, which refuses it at run time), module-level declarations stay
 * module locals, and every free reference goes through the scope object the
 * prelude binds: `$hg.X` (absent names throw on read and on write, as module
 * code is strict), `typeof X` as `$hy("X")`. The prelude must bind them before
 * any code of the module can run, hoisted functions included (an `import`
 * declaration does).
 */
export function compileModuleInPlace(text: string, options: CompileModuleInPlaceOptions = {}): CompiledModuleInPlace {
  const specifier = options.specifier ?? '<anonymous>';
  const file = parseSource(text, specifier, 'module', undefined, false, {
    tokens: mayHoldHtmlComment(text),
    explain: (offset) => explainHtmlCloseComment(text, offset),
  });
  const program = file.program;
  const sloppyOutput = options.sloppyOutput === true;
  const analysis = analyze(program, true, [], sloppyOutput);
  const imports: string[] = [];
  for (const statement of program.body) {
    if (statement.type === 'ImportDeclaration' || statement.type === 'ExportAllDeclaration' || (statement.type === 'ExportNamedDeclaration' && statement.source)) {
      const from = statement.source!.value;
      if (!imports.includes(from)) imports.push(from);
    }
  }
  const compiled = rewriteInPlace({
    text,
    specifier,
    location: options.location ?? specifier,
    file,
    program,
    analysis,
    strict: true,
    hidden: 'module variables',
    preserve: options.preserve ?? [],
    directCalls: options.directCalls ?? [],
    sourceMap: options.sourceMap,
    scopePrelude: options.scopePrelude,
  }, ({ edits, alias }) => {
    for (const node of analysis.goalStrictThis) edits.replace(node.start as number, node.end as number, `${alias('w')}(this)`);
  });
  return { ...compiled, imports, hasDynamicImport: analysis.importExpressions.length > 0 };
}
