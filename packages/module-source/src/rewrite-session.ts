/**
 * What the three compiler entry points (module, script, CommonJS) share
 * around their rewrite: the prefix and edit list of one text, the helper
 * aliases it uses, the free-global collector, and the checks every goal makes
 * the same way (`with`, direct `eval`).
 */
import { EditList } from './edit-list.js';
import { GlobalCollector } from './free-references.js';
import { positionOf, sourceError } from './parse-source.js';
import { choosePrefix } from './prefix.js';
import type { Analysis, Reference } from './scope-analysis.js';

/** The state of one rewrite of one text. */
export interface RewriteSession {
  /** The prefix of every name the compiler adds (`$h`, or one the text does not contain). */
  readonly p: string;
  readonly edits: EditList;
  /** Handle members the edits refer to through their local aliases (`$hg` for `g`, …). */
  readonly used: Set<string>;
  /** The local alias of a handle member, recording that it is used. */
  alias(member: string): string;
  /** Free globals, in order of first appearance. */
  readonly globals: GlobalCollector;
  readonly warnings: string[];
}

/** Starts the rewrite of `text`. */
export function startRewrite(text: string): RewriteSession {
  const p = choosePrefix(text);
  const used = new Set<string>();
  return {
    p,
    edits: new EditList(text),
    used,
    alias(member: string): string {
      used.add(member);
      return p + member;
    },
    globals: new GlobalCollector(),
    warnings: [],
  };
}

/** True for references that assign the name (any assignment form, update, destructuring target). */
export function isWrite(ref: Reference): boolean {
  return ref.role === 'assign' || ref.role === 'compound' || ref.role === 'update' || ref.role === 'pattern';
}

/** `with` cannot be compiled ahead of time: names inside resolve at run time. */
export function rejectWith(analysis: Analysis, text: string, specifier: string): void {
  const withStatement = analysis.withStatements[0];
  if (withStatement === undefined) return;
  const loc = withStatement.loc?.start ?? { line: 1, column: 0 };
  throw sourceError(text, specifier, "'with' statements are not supported by Hermetic (names inside cannot be resolved ahead of time)", loc.line, loc.column);
}

/**
 * Warns when a free reference is a direct `eval(…)` call: it is compiled as an
 * indirect (global) eval, which cannot see `hidden` (module locals, local variables).
 */
export function warnDirectEval(session: RewriteSession, ref: Reference, text: string, specifier: string, hidden: string): void {
  if (ref.node.name !== 'eval' || ref.role !== 'callee' || ref.owner?.type !== 'CallExpression') return;
  const { line, column } = ref.node.loc?.start ?? positionOf(text, ref.node.start as number);
  session.warnings.push(`${specifier}:${line}:${column + 1}: direct eval cannot see ${hidden}; it is compiled as an indirect (global) eval`);
}
