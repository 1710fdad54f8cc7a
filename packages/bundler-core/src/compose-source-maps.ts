/**
 * Chains two source maps (compiled code → transpiled JavaScript → original
 * TypeScript/JSX), so that stack traces and devtools reach the files the user
 * wrote even though the compiler only sees transpiled text.
 */
import type { SourceMapV3 } from '@hermetic/module-source';
import { vlq } from './vlq.js';

type Segment = [number, number, number, number] | [number];

function encode(lines: Segment[][]): string {
  let source = 0, line = 0, column = 0;
  return lines.map((segments) => {
    let generated = 0;
    return segments.map((segment) => {
      let text = vlq(segment[0] - generated);
      generated = segment[0];
      if (segment.length === 4) {
        text += vlq(segment[1] - source) + vlq(segment[2] - line) + vlq(segment[3] - column);
        source = segment[1]; line = segment[2]; column = segment[3];
      }
      return text;
    }).join(',');
  }).join(';');
}

/**
 * Returns a map from `outer`'s generated code to `inner`'s sources:
 * `outer` maps code → intermediate text, `inner` maps intermediate → original.
 */
export async function composeSourceMaps(outer: SourceMapV3, inner: SourceMapV3 | object): Promise<SourceMapV3> {
  // Loaded on first use: only a compilation (a compile-cache miss) composes maps.
  const { TraceMap, decodedMappings, originalPositionFor } = await import('@jridgewell/trace-mapping');
  const innerMap = new TraceMap(inner as never);
  const outerMap = new TraceMap(outer as never);
  const sources: string[] = [];
  const sourceIndex = new Map<string, number>();
  const lines: Segment[][] = decodedMappings(outerMap).map((segments) => {
    const out: Segment[] = [];
    for (const segment of segments) {
      if (segment.length < 4) continue;
      const original = originalPositionFor(innerMap, { line: segment[2]! + 1, column: segment[3]! });
      if (original.source === null || original.line === null || original.column === null) continue;
      let index = sourceIndex.get(original.source);
      if (index === undefined) {
        index = sources.length;
        sources.push(original.source);
        sourceIndex.set(original.source, index);
      }
      out.push([segment[0], index, original.line - 1, original.column]);
    }
    return out;
  });
  return { version: 3, sources, names: [], mappings: encode(lines) };
}
