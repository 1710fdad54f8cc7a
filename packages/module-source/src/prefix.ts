/**
 * The functor's own names all start with one prefix that the source text does
 * not contain anywhere, so they can never capture or shadow a user name.
 */
export function choosePrefix(text: string): string {
  // An identifier may spell `$h` with unicode escapes (`\u0024h`): look at the decoded text too.
  const haystack = text.includes('\\u')
    ? `${text}\n${text.replace(/\\u\{([0-9a-fA-F]+)\}|\\u([0-9a-fA-F]{4})/g, (_, braced: string | undefined, plain: string | undefined) =>
        String.fromCodePoint(parseInt(braced ?? plain ?? '0', 16)),
      )}`
    : text;
  if (!haystack.includes('$h')) return '$h';
  for (let n = 1; ; n += 1) {
    const candidate = `$h${n}`;
    if (!haystack.includes(candidate)) return candidate;
  }
}
