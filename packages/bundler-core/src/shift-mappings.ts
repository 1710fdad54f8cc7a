/**
 * Keeps a source map right after text it describes was replaced within lines
 * (a denied `import("x")` routed through the bootstrap): the generated
 * columns that follow a replacement on its line move by the change in length.
 * Only the generated column restarts on every line of a map's `mappings`, and
 * it is stored as a delta from the previous segment of that line, so each
 * touched line is decoded and re-encoded alone (the other fields' deltas
 * round-trip unchanged) and every other line is left as it was.
 */
import { decode, encode } from '@jridgewell/sourcemap-codec';

/** One replacement in a text: at `offset`, `removed` characters became `inserted`. */
export interface TextEdit {
  offset: number;
  removed: number;
  inserted: number;
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
    const [segments] = decode(lines[line]);
    for (const segment of segments) segment[0] = shiftedColumn(segment[0], lineEdits);
    lines[line] = encode([segments]);
  }
  return lines.join(';');
}
