/**
 * The compiler maps nearly every character of its output, indentation
 * included. A bundler only ever looks a position up at the start of a token,
 * and a token never starts on white space or inside a word (an identifier,
 * keyword or number, continuing the word before it), so the segments there
 * are dead weight: for React DOM most of 260,000 segments that esbuild must
 * decode and search on every build.
 * Dropping them leaves every token-start lookup, and so the bundle's own
 * source map, exactly as it was.
 */
import { TraceMap, decodedMappings, encodedMappings } from '@jridgewell/trace-mapping';
import type { SourceMapV3 } from '@hermetic/module-source';

type Segment = readonly number[];

function isWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 36 || code === 95;
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 13;
}

/** `map` (of the generated text `code`) without the segments that point at white space or inside a word of `code`. */
export function pruneNonTokenSegments(map: SourceMapV3, code: string): SourceMapV3 {
  const lines: ReadonlyArray<readonly Segment[]> = decodedMappings(new TraceMap(map as never));
  let lineStart = 0;
  const pruned = lines.map((segments) => {
    const start = lineStart;
    const end = code.indexOf('\n', start);
    lineStart = end === -1 ? code.length : end + 1;
    return segments.filter(([column]) => {
      const at = start + column;
      const char = code.charCodeAt(at);
      return column === 0 || !(isBlank(char) || (isWordChar(char) && isWordChar(code.charCodeAt(at - 1))));
    });
  });
  const mappings = encodedMappings(new TraceMap({ ...map, mappings: pruned } as never));
  return { ...map, mappings };
}
