/**
 * The host's own dynamic import: what `import()` does in a global created
 * without an importHook whose ancestors have none either (CONFORMANCE 34).
 * In Node and in browsers this is the native `import()` with the host's
 * module map. Specifiers are resolved by the host relative to this file,
 * so pass absolute URLs, absolute paths as file: URLs, or bare specifiers.
 */
export function importFromHost(specifier: string, attributes: Record<string, string>): Promise<unknown> {
  return Object.keys(attributes).length === 0
    ? import(/* @vite-ignore */ /* webpackIgnore: true */ specifier)
    : import(/* @vite-ignore */ /* webpackIgnore: true */ specifier, { with: attributes });
}
