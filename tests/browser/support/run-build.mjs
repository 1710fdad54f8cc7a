#!/usr/bin/env node
// Runs one real bundler build in its own Node process (Vite 8/Rolldown's
// native bindings do not load inside Jest's VM) and prints one JSON line:
// { ms, outDir, files: [{ file, bytes, gzip }], warnings: [text] } (warnings: the bundler's, as text).
// Usage: node run-build.mjs '<json>' with
//   { bundler: 'esbuild'|'rollup'|'vite', appDir, entry, outDir, hermetic: bool,
//     format: 'esm'|'iife', minify: bool, node: bool (Vite: build the entry to run in Node),
//     sourcemap: esbuild's sourcemap option (default true; esbuild only),
//     options: { ...hermetic plugin options } }
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const spec = JSON.parse(process.argv[2]);
const { bundler, appDir, entry, outDir } = spec;
const format = spec.format ?? 'esm';
const minify = spec.minify ?? true;
const hermeticOptions = { root: appDir, ...(spec.options ?? {}) };
rmSync(outDir, { recursive: true, force: true });
const warnings = [];

async function buildWithEsbuild() {
  const { build } = await import('esbuild');
  const plugins = [];
  if (spec.hermetic) plugins.push((await import('@hermetic/esbuild-plugin')).hermetic(hermeticOptions));
  const result = await build({
    absWorkingDir: appDir, entryPoints: [join(appDir, entry)], bundle: true, format,
    splitting: format === 'esm', outdir: outDir, jsx: 'automatic', minify, sourcemap: spec.sourcemap ?? true,
    define: { 'process.env.NODE_ENV': '"production"' }, logLevel: 'error', plugins,
    logOverride: { 'unsupported-dynamic-import': 'silent' },
  });
  for (const warning of result.warnings) warnings.push(warning.text);
}

function jsxWithEsbuild() {
  return {
    name: 'test-jsx',
    async transform(code, id) {
      if (!/\.[jt]sx$/.test(id)) return null;
      const { transform } = await import('esbuild');
      const result = await transform(code, { loader: id.endsWith('x') ? (id.endsWith('.tsx') ? 'tsx' : 'jsx') : 'ts', jsx: 'automatic', sourcemap: 'external', sourcefile: id });
      return { code: result.code, map: result.map };
    },
  };
}

function replaceNodeEnv() {
  return {
    name: 'test-node-env',
    transform(code) {
      return code.includes('process.env.NODE_ENV') ? { code: code.replaceAll('process.env.NODE_ENV', '"production"'), map: null } : null;
    },
  };
}

async function buildWithRollup() {
  const { rollup } = await import('rollup');
  const { nodeResolve } = await import('@rollup/plugin-node-resolve');
  const commonjs = (await import('@rollup/plugin-commonjs')).default;
  const plugins = [replaceNodeEnv(), jsxWithEsbuild(), nodeResolve({ browser: true, extensions: ['.mjs', '.js', '.jsx', '.ts', '.tsx', '.json'] }), commonjs()];
  if (spec.hermetic) plugins.push((await import('@hermetic/rollup-plugin')).hermetic(hermeticOptions));
  const bundle = await rollup({ input: join(appDir, entry), plugins, onwarn: (warning) => { warnings.push(warning.message); } });
  await bundle.write({
    dir: outDir, format: format === 'esm' ? 'es' : 'iife', sourcemap: true,
    inlineDynamicImports: format === 'iife', entryFileNames: '[name].js',
  });
  await bundle.close();
}

async function buildWithVite() {
  const { build } = await import('vite');
  const react = (await import('@vitejs/plugin-react')).default;
  const plugins = [react()];
  if (spec.hermetic) plugins.push((await import('@hermetic/vite-plugin')).hermetic(hermeticOptions));
  // `node: true`: the entry is the input (no index.html), written as <outDir>/main.js without the
  // browser-only module-preload polyfill, so that Node can run it.
  const nodeTarget = spec.node === true ? {
    modulePreload: { polyfill: false },
    rollupOptions: { input: join(appDir, entry), output: { entryFileNames: '[name].js' } },
  } : {};
  await build({
    root: appDir, configFile: false, logLevel: 'error', plugins, base: './',
    build: {
      outDir, emptyOutDir: true, minify, sourcemap: true, ...nodeTarget,
      rollupOptions: { ...nodeTarget.rollupOptions, onwarn: (warning) => { warnings.push(warning.message); } },
    },
  });
}

const started = performance.now();
if (bundler === 'esbuild') await buildWithEsbuild();
else if (bundler === 'rollup') await buildWithRollup();
else if (bundler === 'vite') await buildWithVite();
else throw new Error(`unknown bundler ${bundler}`);
const ms = performance.now() - started;

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}
const files = walk(outDir).filter((file) => /\.(m?js|css|html)$/.test(file)).map((file) => {
  const bytes = readFileSync(file);
  return { file: relative(outDir, file), bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
});
console.log(JSON.stringify({ ms, outDir, files, warnings }));
