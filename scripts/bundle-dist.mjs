#!/usr/bin/env node
// After `tsc -b`: each build-time package's entry (tsc's dist/index.js and
// the files it imports) bundled into one file, dist/index.bundled.js, which
// the package's `main`/`exports` name. Node's ES-module loader costs about
// half a millisecond per file; the plugins and bundler-core are ~30 files
// loaded on every build, which measured 28–34 ms unbundled against 10–20 ms
// as one file (bench/bundle.mjs compares build times against plain bundlers).
// Other packages and the tsc output itself are left as they are: the compile
// worker (dist/compile-worker.js) loads as a file.
//
// The bootstrap, which every bundle carries, is bundled into one minified file,
// dist/bootstrap.min.js (the `./bootstrap` export), with its source map: a bundler
// that does not minify (Rollup by default) would otherwise ship its comments and
// long names in every app.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const PACKAGES = ['module-source', 'bundler-core', 'esbuild-plugin', 'rollup-plugin', 'vite-plugin'];

// A file loaded with import() stays its own file (next to the bundle): what it imports, such as the
// compiler's @jridgewell/trace-mapping, would otherwise load with the bundle on every build.
const lazyStaysLazy = {
  name: 'lazy-stays-lazy',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\//, namespace: 'file' }, (args) => (args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined));
  },
};

await Promise.all(PACKAGES.map((name) => build({
  entryPoints: [join(repo, 'packages', name, 'dist', 'index.js')],
  outfile: join(repo, 'packages', name, 'dist', 'index.bundled.js'),
  bundle: true,
  // Dependencies (Babel, esbuild, the other @hermetic packages) stay imports.
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  plugins: [lazyStaysLazy],
})));

await build({
  entryPoints: [join(repo, 'packages', 'bundler-core', 'dist', 'bootstrap', 'index.js')],
  outfile: join(repo, 'packages', 'bundler-core', 'dist', 'bootstrap.min.js'),
  bundle: true,
  minify: true,
  sourcemap: true,
  platform: 'neutral',
  format: 'esm',
  target: 'es2022',
  logLevel: 'warning',
});
