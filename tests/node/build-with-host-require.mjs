#!/usr/bin/env node
// A control for the hermetic run attacks: the app built with esbuild and the Hermetic plugin for Node as
// `hermetic run` built it before issue 9 (the host's own require in the banner, no built-in linking), to be
// run by plain Node (string compilation allowed). Shows that the run command's own protections are what
// contain the require and function-constructor attacks.
// Usage: node build-with-host-require.mjs <appDir> <entry> <outDir> <policyFile>
import { build } from 'esbuild';
import { hermetic } from '@hermetic/esbuild-plugin';
import { join } from 'node:path';

const [appDir, entry, outDir, policy] = process.argv.slice(2);
await build({
  absWorkingDir: appDir, entryPoints: [join(appDir, entry)], bundle: true, format: 'esm', splitting: true,
  outdir: outDir, platform: 'node', target: 'es2022', logLevel: 'error',
  banner: { js: "import { createRequire as $hermeticCreateRequire } from 'node:module'; const require = $hermeticCreateRequire(import.meta.url);" },
  plugins: [hermetic({ root: appDir, policy })],
});
