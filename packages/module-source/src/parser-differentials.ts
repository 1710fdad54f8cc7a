/**
 * Code that Babel and the bundlers' parsers (esbuild, Rollup's SWC,
 * Rolldown's oxc) read differently: the compiler rewrites Babel's reading and
 * the bundler runs its own, so text one side takes for a comment, a string or
 * a regular expression could run unconfined on the other. Measured on this
 * machine (packages/module-source/test/parser-differentials.test.ts):
 * - HTML-like comments (`<!--`, `-->` at the start of a line): Babel reads
 *   them as comments in scripts (CommonJS) and as code in modules; esbuild
 *   reads them as comments in CommonJS, Rolldown as code.
 * - A top-level `await` in CommonJS text: Babel (script) reads an identifier,
 *   esbuild and Rolldown an await expression (the file becomes an ES module or
 *   an async wrapper), so `await / 1; "/ …` is a division and a string to one
 *   and a regular expression followed by code to the other.
 * Such code is rejected, as `with` is, rather than compiled.
 */
import type * as t from '@babel/types';
import { sourceError, positionOf } from './parse-source.js';
import type { Reference } from './scope-analysis.js';

/** Babel tokens (with `tokens: true`): comments are tokens too, with a string type. */
interface Token {
  type: string | { label: string };
  start: number;
  end: number;
}

/** Token kinds whose text is not code: `<!--` inside them is plain text to every parser. */
const TEXT_TOKENS = new Set(['string', 'template', 'regexp', 'CommentLine', 'CommentBlock']);

const HTML_COMMENT_REASON =
  'is read differently by Babel and by bundlers\' parsers (a comment to one, code to another), so Hermetic cannot confine this code; remove it';

/** True when the text could hold an HTML-like comment: then the parse keeps its tokens for {@link rejectHtmlComments}. */
export function mayHoldHtmlComment(text: string): boolean {
  return text.includes('<!--');
}

function tokenAt(tokens: readonly Token[], offset: number): Token | undefined {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  const token = tokens[lo];
  return token !== undefined && token.start <= offset ? token : undefined;
}

function reject(text: string, specifier: string, at: number, what: string): never {
  const { line, column } = positionOf(text, at);
  throw sourceError(text, specifier, `an HTML-like comment (${what}) ${HTML_COMMENT_REASON}`, line, column);
}

/**
 * Rejects HTML-like comments: the ones Babel read as comments (scripts; any
 * comment not starting with `/`), and any `<!--` outside a string, template,
 * regular expression or ordinary comment (which Babel read as `< ! --` in a
 * module, and bundlers may read as a comment). `tokens` must be the parse's
 * tokens when {@link mayHoldHtmlComment} is true.
 */
export function rejectHtmlComments(file: t.File, text: string, specifier: string): void {
  for (const comment of file.comments ?? []) {
    const start = comment.start as number;
    if (text[start] !== '/') reject(text, specifier, start, text.startsWith('<!--', start) ? '`<!--`' : '`-->` at the start of a line');
  }
  if (!mayHoldHtmlComment(text)) return;
  const tokens = (file as { tokens?: Token[] }).tokens;
  if (tokens === undefined) throw new TypeError(`${specifier}: the parse kept no tokens to look for HTML-like comments in`);
  for (let at = text.indexOf('<!--'); at !== -1; at = text.indexOf('<!--', at + 1)) {
    const token = tokenAt(tokens, at);
    const kind = token === undefined ? undefined : typeof token.type === 'string' ? token.type : token.type.label;
    if (kind === undefined || !TEXT_TOKENS.has(kind)) reject(text, specifier, at, '`<!--`');
  }
}

/**
 * The reason for a module's parse error at `offset` when it is the `>` of a
 * `-->` (at the start of a line: `--` then `>` to Babel, a comment to esbuild).
 */
export function explainHtmlCloseComment(text: string, offset: number): { reason: string; offset: number } | undefined {
  if (!text.startsWith('-->', offset - 2)) return undefined;
  return { reason: `an HTML-like comment (\`-->\` at the start of a line) ${HTML_COMMENT_REASON}`, offset: offset - 2 };
}

/**
 * Rejects `await` used as an identifier in CommonJS text (Babel's script
 * reading), which bundlers read as an await expression.
 */
export function rejectAwaitIdentifier(references: readonly Reference[], text: string, specifier: string): void {
  const ref = references.find((candidate) => candidate.node.name === 'await');
  if (ref === undefined) return;
  const { line, column } = ref.node.loc?.start ?? positionOf(text, ref.node.start as number);
  throw sourceError(
    text,
    specifier,
    '`await` as a name in CommonJS code is read as an await expression by bundlers\' parsers (esbuild, Rolldown) and as a variable by Babel, so Hermetic cannot confine this code; rename it',
    line,
    column,
  );
}
