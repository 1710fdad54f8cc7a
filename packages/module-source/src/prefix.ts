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

/** A property key for an object literal: bare when it is a plain identifier. */
export function propertyKey(name: string): string {
  // `__proto__: v` in a literal sets the prototype; a computed key defines the property.
  if (name === '__proto__') return '["__proto__"]';
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
}

/** Names that are non-writable, non-configurable on every global object: reading the host's is exact. */
export const IMMUTABLE_GLOBALS: ReadonlySet<string> = new Set(['undefined', 'NaN', 'Infinity']);

/** The bindings as a compact object-literal array (unquoted keys; values as JSON strings). */
export function bindingsLiteral(bindings: ReadonlyArray<object>): string {
  return `[${bindings
    .map((binding) => `{${Object.entries(binding).map(([key, value]) => `${key}:${typeof value === 'string' ? JSON.stringify(value) : bindingsAttributes(value as Record<string, string>)}`).join(',')}}`)
    .join(',')}]`;
}

function bindingsAttributes(attributes: Record<string, string>): string {
  return `{${Object.entries(attributes).map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`).join(',')}}`;
}
