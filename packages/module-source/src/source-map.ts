/** The source map of a compilation, from magic-string's edits of the original text. */
import type MagicString from 'magic-string';
import type { SourceMapV3 } from './types.js';

/** The source map of an edited text as a plain v3 object. */
export function sourceMapOf(s: MagicString, specifier: string): SourceMapV3 {
  const map = s.generateMap({ source: specifier, includeContent: true, hires: 'boundary' });
  return {
    version: 3,
    sources: [specifier],
    sourcesContent: [s.original],
    names: map.names,
    mappings: map.mappings,
  };
}
