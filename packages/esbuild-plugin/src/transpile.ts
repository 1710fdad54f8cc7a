/**
 * TypeScript, JSX and `define` replacements happen before compilation, with
 * esbuild's own transform: once a module is compiled, a free name such as
 * `__DEV__` has become a global-scope read that `define` can no longer match.
 */
import { transform, type BuildOptions, type Loader } from 'esbuild';
import { extname } from 'node:path';

const LOADERS: Record<string, Loader> = {
  '.ts': 'ts', '.mts': 'ts', '.cts': 'ts', '.tsx': 'tsx', '.jsx': 'jsx', '.js': 'js', '.mjs': 'js', '.cjs': 'js',
};

/** The loader esbuild uses for `file` under `options`. */
export function loaderOf(file: string, options: BuildOptions): Loader {
  return options.loader?.[extname(file)] ?? LOADERS[extname(file)] ?? 'js';
}

/** The plain-JavaScript text of `file`, as esbuild would have produced it, with its map when one was made. */
export async function transpileToJavaScript(file: string, code: string, options: BuildOptions): Promise<{ code: string; map?: string }> {
  const loader = loaderOf(file, options);
  // Plain JavaScript that names none of the `define` keys comes out of esbuild's transform as it went in;
  // skipping the transform saves a round trip to esbuild per module.
  const defineKeys = Object.keys(options.define ?? {});
  if (loader === 'js' && !defineKeys.some((key) => code.includes(key.slice(key.lastIndexOf('.') + 1)))) return { code };
  const result = await transform(code, {
    loader,
    sourcefile: file,
    sourcemap: options.sourcemap ? 'external' : false,
    format: 'esm',
    target: 'esnext',
    ...(options.define === undefined ? {} : { define: options.define }),
    ...(options.jsx === undefined ? {} : { jsx: options.jsx }),
    ...(options.jsxFactory === undefined ? {} : { jsxFactory: options.jsxFactory }),
    ...(options.jsxFragment === undefined ? {} : { jsxFragment: options.jsxFragment }),
    ...(options.jsxImportSource === undefined ? {} : { jsxImportSource: options.jsxImportSource }),
    ...(options.jsxDev === undefined ? {} : { jsxDev: options.jsxDev }),
  });
  return result.map ? { code: result.code, map: result.map } : { code: result.code };
}
