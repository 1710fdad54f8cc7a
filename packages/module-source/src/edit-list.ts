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
  private readonly replacements: Replacement[] = [];
  private readonly wraps: Wrap[] = [];

  /** Replaces `[start, end)` by `text`; insertions at either boundary are kept. */
  replace(start: number, end: number, text: string): void {
    if (start < end) this.replacements.push({ start, end, text });
    else if (text !== '') this.wraps.push({ start, end: start, open: text, close: '', outer: false });
  }

  /** Puts `open` before `[start, end)` and `close` after it. */
  wrap(start: number, end: number, open: string, close: string, outer = false): void {
    this.wraps.push({ start, end, open, close, outer });
  }

  /** Applies every edit to `target` (made from the same text). */
  applyTo(target: MagicString): void {
    this.replacements.sort((a, b) => a.start - b.start);
    for (const { start, end, text } of this.replacements) target.update(start, end, text);
    // Innermost first: prependRight puts later calls before earlier ones, appendLeft after.
    this.wraps.sort((a, b) => b.start - a.start || a.end - b.end || Number(a.outer) - Number(b.outer));
    for (const { start, end, open, close } of this.wraps) {
      if (open !== '') target.prependRight(start, open);
      if (close !== '') target.appendLeft(end, close);
    }
  }
}
