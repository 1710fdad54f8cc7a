/**
 * Keeps an output source map right after text in the output was replaced on
 * one line (the policy injected after esbuild wrote the map): the generated
 * columns that follow a replacement on its line move by the change in length.
 * Only the generated column restarts on every line of a map's `mappings`, and
 * it is stored as a delta from the previous segment of that line, so each
 * touched line is re-encoded alone and every other field is left as it was.
 */
import type { TextEdit } from '@hermetic/bundler-core';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((char, value) => [char, value]));

/** Reads the first VLQ number of `segment`: its value and how many characters it took. */
function readVlq(segment: string): { value: number; length: number } {
  let result = 0;
  let shift = 0;
  for (let i = 0; i < segment.length; i++) {
    const digit = DIGIT.get(segment[i]);
    if (digit === undefined) throw new Error(`Hermetic: invalid character "${segment[i]}" in a source map's mappings.`);
    result += (digit & 31) * 2 ** shift;
    shift += 5;
    if ((digit & 32) === 0) {
      const negative = result % 2 === 1;
      const magnitude = Math.floor(result / 2);
      return { value: negative ? -magnitude : magnitude, length: i + 1 };
    }
  }
  throw new Error('Hermetic: a source map segment ends inside a number.');
}

function writeVlq(value: number): string {
  let v = value < 0 ? -value * 2 + 1 : value * 2;
  let out = '';
  do {
    let digit = v % 32;
    v = Math.floor(v / 32);
    if (v > 0) digit |= 32;
    out += BASE64[digit];
  } while (v > 0);
  return out;
}

/** A replacement located by line and column (UTF-16 units, as source maps count them). */
interface LineEdit {
  column: number;
  removed: number;
  inserted: number;
}

function locate(text: string, edits: readonly TextEdit[]): Map<number, LineEdit[]> {
  const byLine = new Map<number, LineEdit[]>();
  let line = 0;
  let lineStart = 0;
  let scanned = 0;
  for (const edit of [...edits].sort((a, b) => a.offset - b.offset)) {
    for (let i = text.indexOf('\n', scanned); i !== -1 && i < edit.offset; i = text.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    scanned = lineStart;
    const list = byLine.get(line) ?? [];
    list.push({ column: edit.offset - lineStart, removed: edit.removed, inserted: edit.inserted });
    byLine.set(line, list);
  }
  return byLine;
}

/** Where a generated column of the old line lies in the new one (`edits` sorted by column). */
function shiftedColumn(column: number, edits: readonly LineEdit[]): number {
  let shift = 0;
  for (const edit of edits) {
    if (column >= edit.column + edit.removed) {
      shift += edit.inserted - edit.removed;
    } else {
      // Inside the replaced text: stay inside the new text, so the line's columns keep ascending.
      if (column > edit.column) return edit.column + shift + Math.min(column - edit.column, Math.max(edit.inserted - 1, 0));
      break;
    }
  }
  return column + shift;
}

/**
 * Returns `mappings` (a source map's field, for the output text `before`)
 * adjusted to the output after `edits` (offsets into `before`) were applied.
 * A segment inside a replaced range stays at its offset into it (at most its
 * last character); one at or after the range's end moves with the text.
 */
export function shiftMappings(mappings: string, before: string, edits: readonly TextEdit[]): string {
  if (edits.length === 0) return mappings;
  const byLine = locate(before, edits);
  const lines = mappings.split(';');
  for (const [line, lineEdits] of byLine) {
    if (line >= lines.length || lines[line] === '') continue;
    let oldColumn = 0;
    let newPrevious = 0;
    lines[line] = lines[line].split(',').map((segment) => {
      const { value, length } = readVlq(segment);
      oldColumn += value;
      const newColumn = shiftedColumn(oldColumn, lineEdits);
      const rewritten = writeVlq(newColumn - newPrevious) + segment.slice(length);
      newPrevious = newColumn;
      return rewritten;
    }).join(',');
  }
  return lines.join(';');
}
