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
import { BASE64_DIGIT, writeVlq } from './vlq.js';
import { elementsOf, splice, topLevelMembers, type Span } from './json-spans.js';

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
function transcode(mappings: string, bySource: ReadonlyArray<ColumnMapped | undefined>): string {
  // Mappings are ASCII: bytes in, bytes out, and one string at the end.
  const input = Buffer.from(mappings, 'latin1');
  let out = Buffer.allocUnsafe(input.length + 4096);
  let o = 0;
  const room = (bytes: number): void => {
    if (o + bytes <= out.length) return;
    const bigger = Buffer.allocUnsafe(out.length * 2 + bytes);
    out.copy(bigger, 0, 0, o);
    out = bigger;
  };
  // Absolute source, original line and column as read, and line and column as last written.
  let source = 0;
  let line = 0;
  let column = 0;
  let writtenLine = 0;
  let writtenColumn = 0;
  // Bytes from here up to the current segment are copied as they are.
  let copyFrom = 0;
  let i = 0;
  const length = input.length;
  const fields = [0, 0, 0, 0, 0];
  while (i < length) {
    const char = input[i];
    if (char === 59 /* ; */ || char === 44 /* , */) {
      i += 1;
      continue;
    }
    const start = i;
    let count = 0;
    while (i < length) {
      const c = input[i];
      if (c === 59 || c === 44) break;
      let value = 0;
      let shift = 0;
      let digit: number;
      do {
        digit = BASE64_DIGIT[input[i++]];
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
    const module = bySource[source];
    if (module !== undefined) {
      const at = line - module.lineOffset;
      // A position in the line put before the entry maps to the entry's first line.
      newLine = at < 0 ? 0 : at;
      newColumn = at < 0 ? 0 : originalColumn(module.columns[at], column);
    }
    if (!inStep || newLine !== line || newColumn !== column) {
      room(start - copyFrom + 35);
      o += input.copy(out, o, copyFrom, start);
      o = writeVlq(out, o, fields[0]);
      o = writeVlq(out, o, fields[1]);
      o = writeVlq(out, o, newLine - writtenLine);
      o = writeVlq(out, o, newColumn - writtenColumn);
      if (count === 5) o = writeVlq(out, o, fields[4]);
      copyFrom = i;
    }
    writtenLine = newLine;
    writtenColumn = newColumn;
  }
  room(length - copyFrom);
  o += input.copy(out, o, copyFrom, length);
  return out.toString('latin1', 0, o);
}

/**
 * `mapJson` (a v3 map written to `mapFile`'s directory, or inline in an
 * output there) with the segments of the modules in `modules` (by absolute
 * path) moved back; the same text when it names none of them. Only
 * `mappings` and those modules' `sourcesContent` entries are rewritten, in
 * place in the text (json-spans.ts).
 */
export function remapColumns(mapJson: string, mapFile: string, modules: ReadonlyMap<string, ColumnMapped>): string {
  const members = topLevelMembers(mapJson);
  const field = (name: string): Span | undefined => members.get(name);
  const read = <T>(span: Span | undefined, fallback: T): T => (span === undefined ? fallback : (JSON.parse(mapJson.slice(span[0], span[1])) as T));
  const sources = read<string[]>(field('sources'), []);
  const base = resolve(dirname(mapFile), read<string | null>(field('sourceRoot'), null) ?? '');
  const bySource = sources.map((source) => modules.get(resolve(base, source)));
  const mappingsSpan = field('mappings');
  if (mappingsSpan === undefined || bySource.every((module) => module === undefined)) return mapJson;
  const edits: Array<[Span, string]> = [[mappingsSpan, `"${transcode(read<string>(mappingsSpan, ''), bySource)}"`]];
  const contentsSpan = field('sourcesContent');
  const contentSpans = contentsSpan === undefined || mapJson[contentsSpan[0]] !== '[' ? undefined : elementsOf(mapJson, contentsSpan[0]).elements;
  if (contentSpans !== undefined && contentSpans.length === sources.length) {
    bySource.forEach((module, index) => {
      if (module !== undefined) edits.push([contentSpans[index], JSON.stringify(module.original)]);
    });
  } else {
    // No (or a short) `sourcesContent`: a whole new one, after `mappings`.
    const contents = contentSpans?.map(([start, end]) => JSON.parse(mapJson.slice(start, end)) as string | null) ?? [];
    const full = sources.map((_source, index) => bySource[index]?.original ?? contents[index] ?? null);
    if (contentsSpan !== undefined) edits.push([contentsSpan, JSON.stringify(full)]);
    else edits[0][1] += `,"sourcesContent":${JSON.stringify(full)}`;
  }
  edits.sort((a, b) => a[0][0] - b[0][0]);
  return splice(mapJson, edits);
}
