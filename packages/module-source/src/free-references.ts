/**
 * Free references compile against the global scope object `$hg`; this file
 * holds that rewrite (shared by modules and scripts), the `globals` list it
 * feeds, and the source-map extraction.
 */
import type MagicString from 'magic-string';
import type { Reference } from './scope-analysis.js';
import type { EditList } from './edit-list.js';
import type { SourceMapV3 } from './types.js';

/** Free names in order of first appearance in the text. */
export class GlobalCollector {
  private readonly first = new Map<string, number>();

  add(name: string, position: number): void {
    const seen = this.first.get(name);
    if (seen === undefined || position < seen) this.first.set(name, position);
  }

  names(): string[] {
    return [...this.first].sort((a, b) => a[1] - b[1]).map(([name]) => name);
  }
}

/**
 * Rewrites one reference to a free name: reads and write targets become
 * `$hg.X`, calls `(0, $hg.X)(…)` (so `this` is undefined), `typeof X`
 * becomes `$hy("X")`.
 */
export function rewriteFreeReference(
  ref: Reference,
  edits: EditList,
  alias: (member: string) => string,
  globals: GlobalCollector,
): void {
  const node = ref.node;
  const name = node.name;
  const start = node.start as number;
  globals.add(name, start);
  const member = `${alias('g')}.${name}`;
  switch (ref.role) {
    case 'typeof': {
      const owner = ref.owner as { start?: number | null; end?: number | null };
      edits.replace(owner.start as number, owner.end as number, `${alias('y')}(${JSON.stringify(name)})`);
      return;
    }
    case 'callee':
      edits.replace(start, node.end as number, `(0, ${member})`);
      return;
    default:
      edits.replace(start, node.end as number, ref.shorthand ? `${name}: ${member}` : member);
  }
}

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
