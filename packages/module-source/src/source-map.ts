/** The source map of a compilation, from magic-string's edits of the original text. */
import MagicString from 'magic-string';
import type { EditList } from './edit-list.js';
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

/**
 * The record text: `prefix`, the edited source, `suffix`. With a source map
 * the edits go through magic-string; without one a plain string builder gives
 * the same text faster.
 */
export function emitRecordText(
  source: string,
  edits: EditList,
  prefix: string,
  suffix: string,
  specifier: string,
  withSourceMap: boolean | undefined,
): { code: string; map: SourceMapV3 | undefined } {
  if (!withSourceMap) return { code: prefix + edits.apply(source) + suffix, map: undefined };
  const s = new MagicString(source);
  edits.applyTo(s);
  s.prepend(prefix);
  s.append(suffix);
  return { code: s.toString(), map: sourceMapOf(s, specifier) };
}
