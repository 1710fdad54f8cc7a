/**
 * Edits of the original text, collected during rewriting and applied to a
 * MagicString in an order that keeps nested insertions correctly nested and
 * keeps MagicString's chunk search linear.
 */
import type MagicString from 'magic-string';

interface Wrap {
  readonly start: number;
  readonly end: number;
  readonly open: string;
  readonly close: string;
  /** Statement-level wraps enclose expression-level ones that share a boundary. */
  readonly outer: boolean;
}

interface Replacement {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Replacements (non-overlapping) and wraps (properly nested) of one source text. */
export class EditList {
  constructor(readonly text: string) {}

  private readonly replacements: Replacement[] = [];
  private readonly wraps: Wrap[] = [];

  /** Replaces `[start, end)` by `text`; insertions at either boundary are kept. */
  replace(start: number, end: number, text: string): void {
    if (start < end) this.replacements.push({ start, end, text });
    else if (text !== '') this.wraps.push({ start, end: start, open: text, close: '', outer: false });
  }

  /**
   * Replaces `[start, end)` by `text` unless a replacement made so far
   * overlaps it (for edits that only matter where nothing else rewrites the
   * text: call after every other replacement is in).
   */
  replaceIfFree(start: number, end: number, text: string): void {
    if (this.free === undefined || this.free.seen !== this.replacements.length) {
      this.free = { sorted: [...this.replacements].sort((x, y) => x.start - y.start), seen: this.replacements.length };
    }
    const sorted = this.free.sorted;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid].end <= start) lo = mid + 1;
      else hi = mid;
    }
    // sorted[lo] is the first replacement ending after `start`; replacements do not overlap, so it is the only candidate.
    if (lo < sorted.length && sorted[lo].start < end) return;
    this.replacements.push({ start, end, text });
    this.free.seen += 1;
  }

  /** The replacements replaceIfFree checks against (its own never overlap each other, so they need not be in `sorted`). */
  private free: { sorted: Replacement[]; seen: number } | undefined;

  /** Puts `open` before `[start, end)` and `close` after it. */
  wrap(start: number, end: number, open: string, close: string, outer = false): void {
    this.wraps.push({ start, end, open, close, outer });
  }

  private sorted(): void {
    this.replacements.sort((a, b) => a.start - b.start);
    // Innermost first: prependRight puts later calls before earlier ones, appendLeft after.
    this.wraps.sort((a, b) => b.start - a.start || a.end - b.end || Number(a.outer) - Number(b.outer));
  }

  /** Applies every edit to `target` (made from the same text); used when a source map is wanted. */
  applyTo(target: MagicString): void {
    this.sorted();
    for (const { start, end, text } of this.replacements) target.update(start, end, text);
    for (const { start, end, open, close } of this.wraps) {
      if (open !== '') target.prependRight(start, open);
      if (close !== '') target.appendLeft(end, close);
    }
  }

  /**
   * The edits in text order, as {@link apply} makes them: `[offset, removed,
   * inserted]` with the original offset, the length of original text removed
   * there (0 for an insertion) and the length of the text put in its place.
   */
  changes(): Array<[offset: number, removed: number, inserted: number]> {
    this.sorted();
    const inserted = new Map<number, number>();
    for (const { start, end, open, close } of this.wraps) {
      if (open !== '') inserted.set(start, (inserted.get(start) ?? 0) + open.length);
      if (close !== '') inserted.set(end, (inserted.get(end) ?? 0) + close.length);
    }
    const positions = [...inserted.keys()].sort((a, b) => a - b);
    const out: Array<[number, number, number]> = [];
    let r = 0;
    let i = 0;
    while (r < this.replacements.length || i < positions.length) {
      const replacementStart = r < this.replacements.length ? this.replacements[r].start : Infinity;
      const position = i < positions.length ? positions[i] : Infinity;
      if (position <= replacementStart) {
        out.push([position, 0, inserted.get(position)!]);
        i += 1;
      } else {
        const { start, end, text } = this.replacements[r];
        out.push([start, end - start, text.length]);
        r += 1;
      }
    }
    return out;
  }

  /**
   * The edited text, exactly as {@link applyTo} followed by MagicString's
   * toString() would produce it, without MagicString's chunk bookkeeping
   * (the fast path when no source map is requested).
   */
  apply(text: string): string {
    this.sorted();
    // At one position, MagicString emits appendLeft content (call order), then prependRight content (reverse call order).
    const left = new Map<number, string>();
    const right = new Map<number, string>();
    for (const { start, end, open, close } of this.wraps) {
      if (open !== '') right.set(start, open + (right.get(start) ?? ''));
      if (close !== '') left.set(end, (left.get(end) ?? '') + close);
    }
    const positions = [...new Set([...left.keys(), ...right.keys()])].sort((a, b) => a - b);
    const replacements = this.replacements;
    const out: string[] = [];
    let cursor = 0;
    let r = 0;
    let i = 0;
    while (r < replacements.length || i < positions.length) {
      const replacementStart = r < replacements.length ? replacements[r].start : Infinity;
      const position = i < positions.length ? positions[i] : Infinity;
      if (position <= replacementStart) {
        if (position > cursor) out.push(text.slice(cursor, position));
        out.push((left.get(position) ?? '') + (right.get(position) ?? ''));
        if (position > cursor) cursor = position;
        i += 1;
      } else {
        const { start, end, text: replacement } = replacements[r];
        out.push(text.slice(cursor, start), replacement);
        cursor = end;
        r += 1;
      }
    }
    out.push(text.slice(cursor));
    return out.join('');
  }
}
