/**
 * @hermetic/vite-plugin: every npm package of a Vite build in its own
 * compartment, under a LavaMoat-compatible policy. It is the Rollup plugin
 * (Vite 8 builds with Rolldown, which runs Rollup-style hooks) placed after
 * Vite's own transforms (`enforce: 'post'`), so JSX, TypeScript and
 * `define` replacements are done before a module is compiled.
 *
 * Build mode is the supported target. In dev mode Vite pre-bundles
 * dependencies with esbuild into single files, which loses the per-package
 * attribution, and serves modules one by one; the plugin therefore applies
 * to `vite build` only (see the README's "Vite dev mode").
 *
 * ```js
 * import react from '@vitejs/plugin-react';
 * import { hermetic } from '@hermetic/vite-plugin';
 * export default { plugins: [react(), hermetic()] };
 * ```
 */
import type { Plugin } from 'vite';
import { hermetic as rollupHermetic, type HermeticRollupOptions } from '@hermetic/rollup-plugin';

export type { HermeticOptions } from '@hermetic/bundler-core';

/** Options of the Vite plugin. */
export type HermeticViteOptions = HermeticRollupOptions;

/** Creates the plugin. */
export function hermetic(options: HermeticViteOptions = {}): Plugin {
  const settings: HermeticRollupOptions = { ...options };
  const base = rollupHermetic(settings);
  return {
    ...(base as unknown as Plugin),
    name: 'hermetic',
    enforce: 'post',
    apply: 'build',
    configResolved(config) {
      // The app (the policy's $root$) is Vite's root unless told otherwise.
      settings.root ??= config.root;
    },
  };
}

export default hermetic;
