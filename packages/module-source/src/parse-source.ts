/**
 * The single parse of a compilation, and the SyntaxError every parse or early
 * error becomes: `message (specifier:line:column)` followed by a code frame.
 */
import type { File } from '@babel/types';
import { parse, requireHere } from './babel-modules.js';
import type * as BabelCodeFrame from '@babel/code-frame';

/** Parses module (or script) text with @babel/parser; no tokens, no ranges, no comments on nodes. `functionBody` allows a top-level `return` (CommonJS). */
export function parseSource(text: string, specifier: string, sourceType: 'module' | 'script', strictMode?: boolean, functionBody = false): File {
  try {
    return parse(text, {
      sourceType,
      strictMode,
      createImportExpressions: true,
      allowReturnOutsideFunction: functionBody,
      errorRecovery: false,
      // Comments stay in `file.comments`; attaching them to nodes is work nothing here reads.
      attachComment: false,
    });
  } catch (error) {
    const loc = (error as { loc?: { line: number; column: number } }).loc;
    if (loc === undefined) throw error;
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

/** Line and 0-based column of a character offset. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart };
}
