/**
 * The single parse of a compilation, and the SyntaxError every parse or early
 * error becomes: `message (specifier:line:column)` followed by a code frame.
 */
import type { File } from '@babel/types';
import { parse, requireHere } from './babel-modules.js';
import type * as BabelCodeFrame from '@babel/code-frame';

/** What a compilation may ask of its parse beyond the goal. */
export interface ParseExtras {
  /** Keep Babel's tokens in `file.tokens` (comments included). */
  tokens?: boolean;
  /** A better reason (and place) for a parse error at this offset than Babel's, if any. */
  explain?: (offset: number) => { reason: string; offset: number } | undefined;
}

/** Parses module (or script) text with @babel/parser; no ranges, no comments on nodes, tokens only if asked. `functionBody` allows a top-level `return` (CommonJS). */
export function parseSource(text: string, specifier: string, sourceType: 'module' | 'script', strictMode?: boolean, functionBody = false, extras: ParseExtras = {}): File {
  try {
    return parse(text, {
      tokens: extras.tokens === true,
      sourceType,
      strictMode,
      createImportExpressions: true,
      allowReturnOutsideFunction: functionBody,
      errorRecovery: false,
      // Comments stay in `file.comments`; attaching them to nodes is work nothing here reads.
      attachComment: false,
    });
  } catch (error) {
    const loc = (error as { loc?: { line: number; column: number; index?: number } }).loc;
    if (loc === undefined) throw error;
    const explained = loc.index === undefined ? undefined : extras.explain?.(loc.index);
    if (explained !== undefined) {
      const at = positionOf(text, explained.offset);
      throw sourceError(text, specifier, explained.reason, at.line, at.column);
    }
    const reason = String((error as Error).message).replace(/ \(\d+:\d+\)$/, '');
    throw sourceError(text, specifier, reason, loc.line, loc.column);
  }
}

/**
 * A SyntaxError naming `specifier:line:column` (1-based column, as in stack
 * traces) with a code frame of the offending line.
 */
export function sourceError(text: string, specifier: string, reason: string, line: number, column: number): SyntaxError {
  const { codeFrameColumns } = requireHere('@babel/code-frame') as typeof BabelCodeFrame;
  const frame = codeFrameColumns(text, { start: { line, column: column + 1 } }, { highlightCode: false });
  return new SyntaxError(`${reason} (${specifier}:${line}:${column + 1})\n${frame}`);
}

/** Line and 0-based column of a character offset, counting line terminators as Babel does (CR LF, LF, CR, LS, PS). */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const terminators = /\r\n?|[\n\u2028\u2029]/g;
  for (let match = terminators.exec(text); match !== null && match.index < offset; match = terminators.exec(text)) {
    line += 1;
    lineStart = match.index + match[0].length;
  }
  return { line, column: offset - lineStart };
}
