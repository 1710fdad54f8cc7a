/**
 * Bundles the `hermetic` package from its TypeScript sources (the same files
 * Jest runs) into one ES module, so that a plain `node` child process can run
 * graphs through Hermetic (see hermetic-child.mjs). Third-party packages stay
 * external and load from node_modules.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Maps `hermetic` and `@hermetic/<name>` to their sources. */
const workspaceSources = {
  name: 'hermetic-workspace-sources',
  setup(b) {
    b.onResolve({ filter: /^(hermetic|@hermetic\/[a-z-]+)$/ }, (args) => {
      const name = args.path === 'hermetic' ? 'hermetic' : args.path.slice('@hermetic/'.length);
      return { path: path.join(repo, 'packages', name, 'src', 'index.ts') };
    });
  },
};

/**
 * Writes the bundle to `outfile` and returns its path. `kind` 'hermetic' is
 * the Node entry (compiler installed); 'precompiled' exports the compiler's
 * `compileModule` and the bare `@hermetic/runtime` (no compiler installed:
 * the CSP path, where only precompiled records can be linked).
 */
export async function buildHermeticBundle(outfile, kind = 'hermetic') {
  const entry =
    kind === 'hermetic'
      ? { entryPoints: [path.join(repo, 'packages', 'hermetic', 'src', 'index.ts')] }
      : {
          stdin: {
            contents: "export { compileModule } from '@hermetic/module-source';\nexport { Compartment, ModuleSource } from '@hermetic/runtime';\n",
            resolveDir: repo,
            sourcefile: 'precompiled-entry.js',
            loader: 'js',
          },
        };
  await build({
    ...entry,
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    plugins: [workspaceSources],
    logLevel: 'silent',
    // node_modules is resolved from the repository, wherever the bundle is written.
    nodePaths: [path.join(repo, 'node_modules')],
  });
  return outfile;
}
