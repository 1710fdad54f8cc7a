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

/**
 * Creates the plugin: one for `vite build`, run after Vite's own transforms
 * (`enforce: 'post'`) so JSX, TypeScript and `define` are applied before a
 * module is compiled; one for the dev server, whose transform runs first
 * (before Vite rewrites import specifiers into URLs, so the scope imports it
 * adds are rewritten too) and compiles the packages' modules only.
 */
export function hermetic(options: HermeticViteOptions = {}): Plugin[] {
  const buildSettings: HermeticRollupOptions = { ...options };
  // Worker bundles: the same options, read when their build starts; the app's policy is reported once, by the main build.
  const workerSettings: HermeticRollupOptions = { ...options, onPolicy: undefined, quietPolicy: true };
  const serveSettings: HermeticRollupOptions = { ...options, serve: true };
  const forBuild = rollupHermetic(buildSettings) as unknown as Plugin;
  const forServe = rollupHermetic(serveSettings) as unknown as Plugin;
  // The Rollup plugin's transform is an object hook ({ order: 'post', handler }): the dev server's runs first.
  const { handler } = forServe.transform as unknown as { handler: Extract<Plugin['transform'], (...args: never[]) => unknown> };
  return [
    {
      ...forBuild,
      name: 'hermetic',
      apply: 'build',
      enforce: 'post',
      config(config) {
        // A worker (`new Worker(new URL('./w.js', import.meta.url))`) is bundled by a build of its own: its
        // packages are confined there too, each worker realm with its own package globals from its `self`.
        const userPlugins = config.worker?.plugins;
        return {
          worker: {
            plugins: () => [...(userPlugins?.() ?? []), rollupHermetic(workerSettings) as unknown as Plugin],
          },
        };
      },
      configResolved(config) {
        // The app (the policy's $root$) is Vite's root unless told otherwise.
        buildSettings.root ??= config.root;
        workerSettings.root ??= config.root;
      },
    },
    {
      ...forServe,
      name: 'hermetic:serve',
      apply: 'serve',
      enforce: 'pre',
      transform: { order: 'pre', handler },
      configResolved(config) {
        serveSettings.root ??= config.root;
      },
    },
  ];
}

export default hermetic;
