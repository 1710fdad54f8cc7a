/**
 * What a Node bundle's `require` may reach. esbuild leaves every `require`
 * it does not bundle (a built-in, or a computed `require(x)`) to the
 * run-time `require`, which in an ES module output is whatever the banner
 * defines. The host's real `require` there would hand any package
 * `child_process` through a computed specifier, so the banner's `require`
 * refuses everything, and a built-in required with a literal specifier is
 * linked at build time instead, after the Hermetic plugin has checked it
 * against the policy.
 */
import { builtinModules, isBuiltin } from 'node:module';
import type { Plugin } from 'esbuild';
import { resolvedResult } from '@hermetic/esbuild-plugin';

/** Namespace of the modules standing for required built-ins. */
const BUILTIN_NAMESPACE = 'hermetic-node-builtin';
/** The banner's loader of built-ins: only modules of {@link BUILTIN_NAMESPACE} name it (package code's free names are rewritten). */
const LOADER = '$hermeticNodeBuiltin';

/**
 * The first line of every Node output chunk: {@link LOADER}, which loads
 * built-ins only, and a `require` that refuses whatever it is asked.
 */
export const NODE_BANNER =
  "import { createRequire as $hermeticCreateRequire, isBuiltin as $hermeticIsBuiltin } from 'node:module'; " +
  `const ${LOADER} = ((hostRequire) => (id) => { if (!$hermeticIsBuiltin(id)) throw new Error('Hermetic: ' + id + ' is not a built-in module'); return hostRequire(id); })($hermeticCreateRequire(import.meta.url)); ` +
  'const require = function require(id) { throw new Error(`Hermetic: a computed require(${JSON.stringify(String(id))}) cannot be checked against the policy at build time, so it is refused; use a literal specifier, require("...")`); };';

const escaped = (name: string): string => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** Every built-in name, with or without `node:`, and the `node:`-only ones (`node:test`). */
const BUILTIN_SPECIFIER = new RegExp(`^(?:node:.+|${builtinModules.map(escaped).join('|')})$`);

/** Set on the nested resolutions of this plugin and of the Hermetic plugin, which both answer themselves. */
interface NestedData {
  hermeticNodeBuiltin?: boolean;
  hermetic?: boolean;
}

/**
 * The esbuild plugin that links `require("<built-in>")` at build time. It
 * must come before the Hermetic plugin: it asks esbuild to resolve the
 * request again (the Hermetic plugin checks it then, and answers a denied
 * one with its stub), and maps only a granted built-in to a module that
 * loads it.
 */
export function nodeBuiltinRequires(): Plugin {
  return {
    name: 'hermetic-node-builtin-requires',
    setup(build) {
      build.onResolve({ filter: BUILTIN_SPECIFIER }, async (args) => {
        const nested = args.pluginData as NestedData | undefined;
        if (args.kind !== 'require-call' || nested?.hermeticNodeBuiltin === true || nested?.hermetic === true || !isBuiltin(args.path)) return undefined;
        const resolved = await build.resolve(args.path, {
          kind: args.kind, importer: args.importer, namespace: args.namespace, resolveDir: args.resolveDir,
          pluginData: { hermeticNodeBuiltin: true } satisfies NestedData,
        });
        if (resolved.errors.length > 0) return { errors: resolved.errors, warnings: resolved.warnings };
        if (!resolved.external || !isBuiltin(resolved.path)) return resolvedResult(resolved);
        return { path: resolved.path, namespace: BUILTIN_NAMESPACE, warnings: resolved.warnings };
      });
      build.onLoad({ filter: /.*/, namespace: BUILTIN_NAMESPACE }, (args) => ({
        contents: `module.exports = ${LOADER}(${JSON.stringify(args.path)});`,
        loader: 'js',
      }));
    },
  };
}
