/**
 * The host's own dynamic import: what `import()` does in a global created
 * without an importHook whose ancestors have none either (CONFORMANCE 34).
 * In Node and in browsers this is the native `import()` with the host's
 * module map. Specifiers are resolved by the host relative to this file,
 * so pass absolute URLs, absolute paths as file: URLs, or bare specifiers.
 *
 * Why every `import()` here has a literal second argument: bundlers parse
 * the options of `import()`, and esbuild warns ("unsupported-dynamic-import")
 * about any that is not `{ with: { key: 'string literal' } }`, in every
 * bundle that includes this file. Hosts only support the `type` attribute
 * (HostGetSupportedImportAttributes in HTML and Node), so each module type a
 * host may know gets its own literal call; any other attribute set is
 * rejected here with a TypeError, as Node and browsers reject it.
 */
export function importFromHost(specifier: string, attributes: Record<string, string>): Promise<unknown> {
  const keys = Object.keys(attributes);
  if (keys.length === 0) return import(/* @vite-ignore */ /* webpackIgnore: true */ specifier);
  if (keys.length === 1 && keys[0] === 'type') {
    switch (attributes.type) {
      case 'json':
        return import(/* @vite-ignore */ /* webpackIgnore: true */ specifier, { with: { type: 'json' } });
      case 'css':
        return import(/* @vite-ignore */ /* webpackIgnore: true */ specifier, { with: { type: 'css' } });
      case 'text':
        return import(/* @vite-ignore */ /* webpackIgnore: true */ specifier, { with: { type: 'text' } });
      case 'bytes':
        return import(/* @vite-ignore */ /* webpackIgnore: true */ specifier, { with: { type: 'bytes' } });
    }
  }
  const list = keys.map((key) => `${key}: '${attributes[key]}'`).join(', ');
  return Promise.reject(
    new TypeError(`Cannot import '${specifier}' with { ${list} }: the host supports only type json, css, text or bytes; give the Global an importHook`),
  );
}
