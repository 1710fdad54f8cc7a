/**
 * Where the values of a JSON document sit in its text, found without
 * building them: a bundle's source map is mostly `sourcesContent` (react-dom
 * alone is 625 KB of it), and rewriting two of its fields by splicing costs a
 * fraction of parsing and printing the whole document in a fresh process.
 * Strings are skipped with `indexOf`, not character by character.
 */

/** `[start, end)` of a value in the text. */
export type Span = [number, number];

function skipWhitespace(json: string, i: number): number {
  for (;;) {
    const c = json.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) return i;
    i += 1;
  }
}

function malformed(json: string, i: number): SyntaxError {
  return new SyntaxError(`Malformed JSON at offset ${i}: ${JSON.stringify(json.slice(i, i + 20))}`);
}

/** The end of the string that opens at `i`. */
function stringEnd(json: string, i: number): number {
  let from = i + 1;
  for (;;) {
    const quote = json.indexOf('"', from);
    if (quote < 0) throw malformed(json, i);
    let backslashes = 0;
    while (json.charCodeAt(quote - 1 - backslashes) === 92) backslashes += 1;
    if (backslashes % 2 === 0) return quote + 1;
    from = quote + 1;
  }
}

/** The end of the value that starts at `i`. */
function valueEnd(json: string, i: number): number {
  const c = json[i];
  if (c === '"') return stringEnd(json, i);
  if (c === '[') return elementsOf(json, i).end;
  if (c === '{') return membersOf(json, i).end;
  let j = i;
  while (j < json.length && !',]} \n\r\t'.includes(json[j])) j += 1;
  if (j === i) throw malformed(json, i);
  return j;
}

/** The element spans of the array that opens at `start`, and where it ends. */
export function elementsOf(json: string, start: number): { elements: Span[]; end: number } {
  if (json[start] !== '[') throw malformed(json, start);
  const elements: Span[] = [];
  let i = skipWhitespace(json, start + 1);
  if (json[i] === ']') return { elements, end: i + 1 };
  for (;;) {
    const end = valueEnd(json, i);
    elements.push([i, end]);
    i = skipWhitespace(json, end);
    if (json[i] === ']') return { elements, end: i + 1 };
    if (json[i] !== ',') throw malformed(json, i);
    i = skipWhitespace(json, i + 1);
  }
}

/** The value spans of the object that opens at `start`, by key, and where it ends. */
export function membersOf(json: string, start: number): { members: Map<string, Span>; end: number } {
  if (json[start] !== '{') throw malformed(json, start);
  const members = new Map<string, Span>();
  let i = skipWhitespace(json, start + 1);
  if (json[i] === '}') return { members, end: i + 1 };
  for (;;) {
    if (json[i] !== '"') throw malformed(json, i);
    const keyEnd = stringEnd(json, i);
    const key = JSON.parse(json.slice(i, keyEnd)) as string;
    i = skipWhitespace(json, keyEnd);
    if (json[i] !== ':') throw malformed(json, i);
    i = skipWhitespace(json, i + 1);
    const end = valueEnd(json, i);
    members.set(key, [i, end]);
    i = skipWhitespace(json, end);
    if (json[i] === '}') return { members, end: i + 1 };
    if (json[i] !== ',') throw malformed(json, i);
    i = skipWhitespace(json, i + 1);
  }
}

/** The top-level members of a JSON object document. */
export function topLevelMembers(json: string): Map<string, Span> {
  return membersOf(json, skipWhitespace(json, 0)).members;
}

/** `json` with each span replaced by its text (spans in order, not overlapping). */
export function splice(json: string, edits: ReadonlyArray<[Span, string]>): string {
  const parts: string[] = [];
  let from = 0;
  for (const [[start, end], text] of edits) {
    parts.push(json.slice(from, start), text);
    from = end;
  }
  parts.push(json.slice(from));
  return parts.join('');
}
