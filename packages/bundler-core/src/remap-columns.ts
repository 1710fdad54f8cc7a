/**
 * Moves the positions of a bundle's source map back to the original files
 * for modules the bundler was given compiled in place without a source map
 * (their column maps instead, module-source's `ColumnMap`): the bundler maps
 * the compiled text on its own fast path, and afterwards each segment that
 * points into such a module gets its original column, and the map its
 * original text. Lines never moved, except for a line put before an entry
 * (`lineOffset`).
 */
import { dirname, resolve } from 'node:path';
import type { ColumnMap } from '@hermetic/module-source';
import { BASE64_DIGIT, vlq } from './vlq.js';

/** A module compiled in place: its column map and original text. */
export interface ColumnMapped {
  columns: ColumnMap;
  original: string;
  /** Lines put before the compiled text (a hardened entry's lockdown import). */
  lineOffset: number;
}

/** The original column of `column` on a line with these column-map triples. */
export function originalColumn(points: readonly number[] | undefined, column: number): number {
  if (points === undefined) return column;
  let lo = 0;
  let hi = points.length / 3;
  // The last triple at or before `column`.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (points[mid * 3] <= column) lo = mid + 1;
    else hi = mid;
  }
  if (lo === 0) return column;
  const at = (lo - 1) * 3;
  return points[at + 2] === 1 ? points[at + 1] : points[at + 1] + (column - points[at]);
}

/**
 * One pass over `mappings` that re-encodes only the segments whose original
 * line or column changes (those of the modules of `bySource`, and the first
 * one after them, whose deltas start from a different place) and copies the
 * rest: decoding everything into arrays and encoding it again costs several
 * times more in a fresh process, which is what a build is.
 */
function transcode(mappings: string, bySource: ReadonlyMap<number, ColumnMapped>): string {
  const out: string[] = [];
  // Absolute source, original line and column as read, and line and column as last written.
  let source = 0;
  let line = 0;
  let column = 0;
  let writtenLine = 0;
  let writtenColumn = 0;
  // Text from here up to the current segment is copied as it is.
  let copyFrom = 0;
  let i = 0;
  const length = mappings.length;
  const fields = [0, 0, 0, 0, 0];
  while (i < length) {
    const char = mappings.charCodeAt(i);
    if (char === 59 /* ; */ || char === 44 /* , */) {
      i += 1;
      continue;
    }
    const start = i;
    let count = 0;
    while (i < length) {
      const c = mappings.charCodeAt(i);
      if (c === 59 || c === 44) break;
      let value = 0;
      let shift = 0;
      let digit: number;
      do {
        digit = BASE64_DIGIT[mappings.charCodeAt(i++)];
        value += (digit & 31) << shift;
        shift += 5;
      } while (digit & 32);
      fields[count++] = value & 1 ? -(value >>> 1) : value >>> 1;
    }
    if (count < 4) continue;
    // In step when what was written so far ends where what was read does.
    const inStep = writtenLine === line && writtenColumn === column;
    source += fields[1];
    line += fields[2];
    column += fields[3];
    let newLine = line;
    let newColumn = column;
    const module = bySource.get(source);
    if (module !== undefined) {
      const at = line - module.lineOffset;
      // A position in the line put before the entry maps to the entry's first line.
      newLine = at < 0 ? 0 : at;
      newColumn = at < 0 ? 0 : originalColumn(module.columns[at], column);
    }
    if (!inStep || newLine !== line || newColumn !== column) {
      let text = vlq(fields[0]) + vlq(fields[1]) + vlq(newLine - writtenLine) + vlq(newColumn - writtenColumn);
      if (count === 5) text += vlq(fields[4]);
      out.push(mappings.slice(copyFrom, start), text);
      copyFrom = i;
    }
    writtenLine = newLine;
    writtenColumn = newColumn;
  }
  out.push(mappings.slice(copyFrom));
  return out.join('');
}

interface RawMap {
  sources: string[];
  sourcesContent?: Array<string | null>;
  sourceRoot?: string;
  mappings: string;
}

/**
 * `mapJson` (a v3 map written to `mapFile`'s directory, or inline in an
 * output there) with the segments of the modules in `modules` (by absolute
 * path) moved back; the same text when it names none of them.
 */
export function remapColumns(mapJson: string, mapFile: string, modules: ReadonlyMap<string, ColumnMapped>): string {
  const map = JSON.parse(mapJson) as RawMap;
  const base = resolve(dirname(mapFile), map.sourceRoot ?? '');
  const bySource = new Map<number, ColumnMapped>();
  map.sources.forEach((source, index) => {
    const module = modules.get(resolve(base, source));
    if (module !== undefined) bySource.set(index, module);
  });
  if (bySource.size === 0) return mapJson;
  map.mappings = transcode(map.mappings, bySource);
  const contents = map.sourcesContent ?? map.sources.map(() => null);
  for (const [index, module] of bySource) contents[index] = module.original;
  map.sourcesContent = contents;
  return JSON.stringify(map);
}
