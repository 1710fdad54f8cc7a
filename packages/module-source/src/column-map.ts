/**
 * The column map of an in-place compilation: the cheap alternative to a
 * source map that a bundler can use when it maps the compiled text itself
 * and only needs its positions moved back afterwards. In-place edits never
 * add or remove a line, so a position keeps its line and only its column
 * moves; a line without edits is not listed.
 */
import type { ColumnMap } from './types.js';

/**
 * The column map of `text` edited by `changes` (EditList#changes), or
 * `undefined` when an edit removes a line break (then only a source map
 * describes the result).
 */
export function columnMapOf(text: string, changes: ReadonlyArray<readonly [number, number, number]>): ColumnMap | undefined {
  const map: ColumnMap = {};
  let line = 0;
  let lineStart = 0;
  let nextBreak = text.indexOf('\n');
  let delta = 0;
  for (const [offset, removed, inserted] of changes) {
    while (nextBreak !== -1 && nextBreak < offset) {
      line += 1;
      lineStart = nextBreak + 1;
      nextBreak = text.indexOf('\n', lineStart);
      delta = 0;
    }
    if (removed > 0 && nextBreak !== -1 && nextBreak < offset + removed) return undefined;
    const column = offset - lineStart;
    const points = (map[line] ??= []);
    // The new text maps to where the edit is; what follows it, to the original text after the edit.
    points.push(column + delta, column, 1);
    delta += inserted - removed;
    points.push(column + removed + delta, column + removed, 0);
  }
  return map;
}
