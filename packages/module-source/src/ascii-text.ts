/**
 * Keeps record text ASCII where that changes no value: non-ASCII characters
 * in comments, string literals and untagged template literals become
 * `\uXXXX` escapes. One non-ASCII character anywhere makes an engine hold the
 * whole file as a two-byte string: decoding the file (Node's ESM loader, a
 * browser's script fetch) and scanning it both get slower, and a bundle of
 * records pays that for every module in it, not only the one with the
 * character (measured on three.js: ~5 ms of a ~25 ms parse).
 */
import type * as t from '@babel/types';
import { VISITOR_KEYS } from './babel-modules.js';
import type { EditList } from './edit-list.js';

const NON_ASCII = /[^\x00-\x7f]/g;

function escapeUnit(code: number): string {
  return `\\u${code.toString(16).padStart(4, '0')}`;
}

/** JSON.stringify, with every non-ASCII unit escaped (the same value in JSON and in JavaScript). */
export function asciiJson(value: unknown): string {
  const json = JSON.stringify(value);
  NON_ASCII.lastIndex = 0;
  return NON_ASCII.test(json) ? json.replace(NON_ASCII, (unit) => escapeUnit(unit.charCodeAt(0))) : json;
}

type Located = t.Node & { start: number; end: number };

function contains(node: unknown, position: number): node is Located {
  const n = node as Located | null;
  return n !== null && typeof n === 'object' && typeof n.type === 'string' && n.start <= position && position < n.end;
}

function isNode(value: unknown): value is Located {
  return value !== null && typeof value === 'object' && typeof (value as Located).start === 'number';
}

/** The element of a list of nodes in source order (holes allowed) that contains `position`: a binary search, for long statement lists. */
function childAt(list: unknown[], position: number): Located | undefined {
  let lo = 0;
  let hi = list.length - 1;
  let found: Located | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    let m = mid;
    while (m >= lo && !isNode(list[m])) m -= 1;
    if (m < lo) {
      lo = mid + 1;
      continue;
    }
    const node = list[m] as Located;
    if (node.start <= position) {
      found = node;
      lo = mid + 1;
    } else {
      hi = m - 1;
    }
  }
  return found !== undefined && contains(found, position) ? found : undefined;
}

/**
 * The innermost string-like node containing `position`: a string or
 * directive literal, or a template element of an untagged template (a tag
 * sees the raw text, so escaping would change what it receives). Undefined
 * when the position is elsewhere (identifiers, regular expressions, tagged
 * templates), where the character stays as it is.
 */
function escapableAt(root: t.Node, position: number): Located | undefined {
  let node: t.Node = root;
  let tagged = false;
  for (;;) {
    if (node.type === 'StringLiteral' || node.type === 'DirectiveLiteral') return node as Located;
    if (node.type === 'TemplateElement') return tagged ? undefined : (node as Located);
    let next: t.Node | undefined;
    for (const key of VISITOR_KEYS[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        next = childAt(child, position);
      } else if (contains(child, position)) {
        next = child;
      }
      if (next !== undefined) {
        // Carried from the tagged template's quasi down to its elements.
        tagged = (node.type === 'TaggedTemplateExpression' && key === 'quasi') || (node.type === 'TemplateLiteral' && tagged);
        break;
      }
    }
    if (next === undefined) return undefined;
    node = next;
  }
}

/** Whether the character at `position` follows an odd number of backslashes (it is itself escaped). */
function escapedAt(text: string, position: number): boolean {
  let count = 0;
  for (let i = position - 1; i >= 0 && text.charCodeAt(i) === 92; i -= 1) count += 1;
  return count % 2 === 1;
}

/**
 * Adds edits that spell every non-ASCII UTF-16 unit of a comment, string
 * literal or untagged template literal of `text` as `\uXXXX` (positions that
 * another edit already replaces are left to that edit). `\é` in a literal is
 * an identity escape, so the backslash goes into the replacement.
 * U+2028/U+2029 stay as they are: they are line terminators (and after a
 * backslash a line continuation), so escaping them would change line numbers.
 */
export function escapeNonAscii(file: t.File, text: string, edits: EditList): void {
  NON_ASCII.lastIndex = 0;
  if (!NON_ASCII.test(text)) return;
  const comments = (file.comments ?? []) as Array<{ start: number; end: number }>;
  let c = 0;
  let literalEnd = -1; // end of the last literal found escapable, to skip the descent for its other characters
  let inLiteral = false;
  NON_ASCII.lastIndex = 0;
  for (let match = NON_ASCII.exec(text); match !== null; match = NON_ASCII.exec(text)) {
    const position = match.index;
    while (c < comments.length && comments[c].end <= position) c += 1;
    const inComment = c < comments.length && comments[c].start <= position;
    if (!inComment) {
      if (position >= literalEnd) {
        const literal = escapableAt(file.program, position);
        inLiteral = literal !== undefined;
        literalEnd = literal?.end ?? position + 1;
      }
      if (!inLiteral) continue;
    }
    const code = text.charCodeAt(position);
    // U+2028/U+2029 are line terminators: escaping them would shift the line numbers engines report.
    if (code === 0x2028 || code === 0x2029) continue;
    if (!inComment && escapedAt(text, position)) {
      edits.replaceIfFree(position - 1, position + 1, escapeUnit(code));
    } else {
      edits.replaceIfFree(position, position + 1, escapeUnit(code));
    }
  }
}
