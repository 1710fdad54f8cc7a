/**
 * The esbuild build behind `hermetic build`, `policy` and `run`: no config
 * needed, the Hermetic plugin does the compartmentalization.
 */
import { build, type BuildResult, type Metafile } from 'esbuild';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { hermetic } from '@hermetic/esbuild-plugin';
import type { HermeticBuild } from '@hermetic/bundler-core';
import { projectRootOf } from './project-root.js';
import { NODE_BANNER, nodeBuiltinRequires } from './node-requires.js';
import { entryOutputOf } from './entry-output.js';

/** What every bundling command accepts. */
export interface BundleOptions {
  entry: string;
  outdir: string;
  platform: 'browser' | 'node';
  format: 'esm' | 'iife';
  minify: boolean;
  sourcemap: boolean;
  write: boolean;
  policy?: string;
  policyOverride?: string;
  debug: boolean;
  hardened: boolean;
  mode: string;
}

/** The finished build. */
export interface BundleResult {
  root: string;
  result: BuildResult & { metafile: Metafile };
  policyJson: string;
  core: HermeticBuild;
  /** Output file of the entry point. */
  entryOutput: string;
}

/** Builds `options.entry` with esbuild and the Hermetic plugin. */
export async function bundle(options: BundleOptions): Promise<BundleResult> {
  const entry = resolve(options.entry);
  if (!existsSync(entry)) throw new Error(`Entry ${options.entry} does not exist`);
  const root = projectRootOf(entry);
  let policyJson = '';
  let core: HermeticBuild | undefined;
  const result = await build({
    entryPoints: [entry],
    absWorkingDir: root,
    bundle: true,
    format: options.format,
    splitting: options.format === 'esm',
    outdir: resolve(options.outdir),
    platform: options.platform,
    target: 'es2022',
    minify: options.minify,
    sourcemap: options.sourcemap,
    write: options.write,
    metafile: true,
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': JSON.stringify(options.mode) },
    logLevel: 'warning',
    // The runtime's host import passes import attributes through, which esbuild cannot (and need not) analyse.
    logOverride: { 'unsupported-dynamic-import': 'silent' },
    ...(options.platform === 'node' ? { banner: { js: NODE_BANNER } } : {}),
    plugins: [
      ...(options.platform === 'node' ? [nodeBuiltinRequires()] : []),
      hermetic({
        root,
        debug: options.debug,
        hardened: options.hardened,
        ...(options.policy === undefined ? {} : { policy: resolve(options.policy) }),
        ...(options.policyOverride === undefined ? {} : { policyOverride: resolve(options.policyOverride) }),
        onPolicy: (json, build) => {
          policyJson = json;
          core = build;
        },
      }),
    ],
  });
  const entryOutput = entryOutputOf(result.metafile.outputs, root, entry);
  if (entryOutput === undefined || core === undefined) throw new Error('esbuild produced no output for the entry point');
  return { root, result, policyJson, core, entryOutput };
}
