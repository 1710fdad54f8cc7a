/**
 * @hermetic/esbuild-plugin: every npm package of an esbuild bundle in its
 * own compartment, under a LavaMoat-compatible policy.
 *
 * ```js
 * import { build } from 'esbuild';
 * import { hermetic } from '@hermetic/esbuild-plugin';
 * await build({ entryPoints: ['src/main.js'], bundle: true, format: 'esm', splitting: true,
 *               outdir: 'dist', plugins: [hermetic()] });
 * ```
 */
import type { OnLoadResult, OnResolveResult, Plugin, ResolveResult } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { dirname, resolve as resolvePath } from 'node:path';
import { statSync } from 'node:fs';
import {
  HermeticBuild, composeSourceMaps, type ColumnMapped, type HermeticOptions, type PackageInfo, type RequestKind, type TransformResult,
} from '@hermetic/bundler-core';
import { transpileToJavaScript, loaderOf } from './transpile.js';
import { finishOutputFiles, finishWrittenFiles } from './finish-outputs.js';

export type { HermeticOptions } from '@hermetic/bundler-core';

/** Options of the esbuild plugin. */
export interface HermeticEsbuildOptions extends HermeticOptions {
  /** Called with the final policy after each build (for `hermetic policy`). */
  onPolicy?: (policyJson: string, build: HermeticBuild) => void;
}

const NAMESPACE = 'hermetic';
/** Files that can be ES modules. */
const SCRIPT = /\.(?:[mc]?js|jsx|[mc]?ts|tsx)$/;
/** Files that can be CommonJS. */
const COMMONJS_CANDIDATE = /\.c?js$/;
/** Stubs of denied `require` and `import()` targets. */
const DENIED_NAMESPACE = 'hermetic-denied-require';
/** esbuild's loaders that run a file as code. */
const CODE_LOADERS = new Set(['js', 'jsx', 'ts', 'tsx']);

/** The kind of a request Hermetic checks, from esbuild's `kind`; `undefined` for entries and CSS requests. */
function requestKind(kind: string): RequestKind | undefined {
  if (kind === 'require-call' || kind === 'require-resolve') return 'require';
  if (kind === 'dynamic-import') return 'dynamic';
  return kind === 'import-statement' ? 'static' : undefined;
}

/**
 * Files esbuild runs as code: the script extensions, and any extension the build's `loader` option maps
 * to a code loader (`{ '.foo': 'js' }`), which must be compiled like any other module of a package.
 */
function scriptFilter(loaders: Record<string, string> | undefined): RegExp {
  const extra = Object.entries(loaders ?? {})
    .filter(([extension, loader]) => CODE_LOADERS.has(loader) && !SCRIPT.test(`x${extension}`))
    .map(([extension]) => extension.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return extra.length === 0 ? SCRIPT : new RegExp(`(?:${SCRIPT.source}|(?:${extra.join('|')})$)`);
}

/**
 * A relative specifier with a script extension naming an existing file
 * resolves to that file: answering it here saves a round trip to esbuild per
 * import (lodash-es has 600+ modules and thousands of imports). Not in a
 * package whose `browser` field may map the file to another.
 */
function relativeFile(specifier: string, fromDir: string, importerPackage: PackageInfo): string | undefined {
  if (!/^\.\.?\//.test(specifier) || !SCRIPT.test(specifier) || importerPackage.mapsFiles) return undefined;
  const file = resolvePath(fromDir, specifier);
  try {
    return statSync(file).isFile() ? file : undefined;
  } catch {
    return undefined;
  }
}

/** An `onResolve` answer that repeats what `build.resolve` found (for plugins that resolve a request once more). */
export function resolvedResult(resolved: ResolveResult): OnResolveResult {
  return {
    path: resolved.path,
    external: resolved.external,
    namespace: resolved.namespace,
    sideEffects: resolved.sideEffects,
    suffix: resolved.suffix,
    pluginData: resolved.pluginData,
    warnings: resolved.warnings,
  };
}

/**
 * The map of a transformed file, inline, naming the original file. It
 * carries no `sourcesContent`: esbuild reads a source that lacks it from
 * disk, so the output map still holds the original text, while esbuild no
 * longer decodes a second copy of every file (react-dom's is 600 KB).
 */
function inlineMap(map: NonNullable<TransformResult['map']>, original: string): string {
  const json = JSON.stringify({ version: 3, sources: [original], names: map.names, mappings: map.mappings });
  return `\n//# sourceMappingURL=data:application/json;base64,${Buffer.from(json).toString('base64')}\n`;
}

/** A compiled module and the text of its file. */
interface Compiled {
  result: TransformResult;
  original: string;
}

/** Creates the plugin. One instance keeps a per-file cache across rebuilds (watch, context.rebuild). */
export function hermetic(options: HermeticEsbuildOptions = {}): Plugin {
  // By path, with the text it was compiled from: a rebuild compares texts (no hashing of react-dom's 625 KB).
  const cache = new Map<string, { original: string; kind: 'esm' | 'cjs'; result: TransformResult }>();
  return {
    name: 'hermetic',
    setup(build) {
      const initial = build.initialOptions;
      const core = new HermeticBuild({ root: options.root ?? initial.absWorkingDir ?? process.cwd(), ...options });
      const paths = core.runtimePaths();
      // The policy goes into the output once every module has been seen: appended to the chunk that holds
      // the bootstrap, in memory (write: false) or on disk after esbuild wrote it (the metafile lists the outputs).
      const workingDir = initial.absWorkingDir ?? process.cwd();
      if (initial.write !== false) initial.metafile = true;
      const sourceMaps = initial.sourcemap !== undefined && initial.sourcemap !== false && options.sourceMap !== false;
      const defineKeys = Object.keys(initial.define ?? {});
      // Only ES-module output keeps module strictness: in esbuild's IIFE and CommonJS output a package's
      // function called without a receiver would get the host global as `this`.
      const sloppyOutput = (initial.format ?? (initial.platform === 'node' ? 'cjs' : 'iife')) !== 'esm';

      // Modules handed to esbuild compiled, with a column map instead of a source map: after the build, the
      // bundle's map is moved back to their original text (finish-outputs.ts).
      const columnMapped = new Map<string, ColumnMapped>();
      build.onStart(() => {
        columnMapped.clear();
        core.buildStarting();
      });
      /** The text esbuild gets for a compiled module (after `entryPrefix`, on a line of its own). */
      const contentsOf = (path: string, result: TransformResult, original: string, entryPrefix: string): string => {
        const code = entryPrefix === '' ? result.code : `${entryPrefix}\n${result.code}`;
        if (!sourceMaps) return code;
        if (result.columns !== undefined) {
          columnMapped.set(path, { columns: result.columns, original, lineOffset: (result.lineOffset ?? 0) + (entryPrefix === '' ? 0 : 1) });
          return code;
        }
        if (result.map === undefined) return code;
        return code + inlineMap(entryPrefix === '' ? result.map : { ...result.map, mappings: ';' + result.map.mappings }, path);
      };

      // Hermetic's virtual modules: the bootstrap, lockdown, and the per-module scope and deny modules.
      build.onResolve({ filter: /^hermetic:/ }, (args) => {
        const refused = core.virtualRequestError(args.path, args.importer === '' ? undefined : args.importer, args.namespace === NAMESPACE);
        if (refused !== undefined) return { errors: [{ text: refused }] };
        return { path: args.path, namespace: NAMESPACE };
      });
      build.onResolve({ filter: /^(@hermetic\/bundler-core\/bootstrap|ses)$/, namespace: NAMESPACE }, (args) => {
        const path = args.path === 'ses' ? paths.ses : paths.bootstrap;
        return path === undefined ? undefined : { path };
      });
      build.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => {
        const contents = core.virtualModuleSource(args.path);
        if (contents === undefined) return { errors: [{ text: `Hermetic: there is no virtual module ${args.path}.` }] };
        return { contents, loader: 'js', resolveDir: core.root };
      });

      build.onLoad({ filter: /.*/, namespace: DENIED_NAMESPACE }, (args) => {
        const contents = core.requireStubSource(args.path);
        if (contents === undefined) return { errors: [{ text: `Hermetic: no stub was made for ${args.path}.` }] };
        return { contents, loader: 'js', resolveDir: dirname(args.path) };
      });

      // Entry modules get the lockdown import first in hardened mode.
      const entries = new Set<string>();
      const hardened = core.entryPrefix() !== '';
      // What a module's compilation already asked esbuild to resolve, so that esbuild's own resolution of the
      // same import is answered without a second round trip. Per build: files may appear between rebuilds.
      const resolutions = new Map<string, ResolveResult>();
      const resolutionKey = (importer: string, kind: string, specifier: string): string => `${importer}\0${kind}\0${specifier}`;
      build.onStart(() => {
        resolutions.clear();
      });
      build.onResolve({ filter: /.*/ }, async (args) => {
        const pluginData = args.pluginData as { hermetic?: boolean } | undefined;
        // Entries matter only when they get the lockdown import first (hardened mode).
        if (args.kind === 'entry-point' && pluginData?.hermetic !== true && hardened) {
          const resolved = await build.resolve(args.path, { kind: 'entry-point', resolveDir: args.resolveDir, pluginData: { hermetic: true } });
          if (resolved.errors.length > 0) return { errors: resolved.errors };
          entries.add(resolved.path);
          return resolvedResult(resolved);
        }
        if (args.namespace !== 'file' || args.kind === 'entry-point' || pluginData?.hermetic === true) return undefined;
        // What the importer's compilation already asked esbuild to resolve.
        const known = Object.keys(args.with).length === 0 ? resolutions.get(resolutionKey(args.importer, args.kind, args.path)) : undefined;
        const kind = requestKind(args.kind);
        if (kind === undefined || !core.confines(args.importer)) return known === undefined ? undefined : resolvedResult(known);
        // Every request of a compartmentalized module is checked where esbuild resolves it, however it was
        // written. A file of the same package (React's `require("./cjs/react.production.js")`) needs no check.
        const importerPackage = core.attributor.packageOf(args.importer);
        const direct = relativeFile(args.path, args.resolveDir, importerPackage);
        if (direct !== undefined && core.attributor.packageOf(direct).name === importerPackage.name) return { path: direct };
        const refused = core.refusedRequest(args.importer, args.path);
        if (refused !== undefined) return { errors: [{ text: refused }] };
        const resolved = known ?? await build.resolve(args.path, {
          kind: args.kind, importer: args.importer, namespace: args.namespace, resolveDir: args.resolveDir, with: args.with, pluginData: { hermetic: true },
        });
        // Unresolvable: esbuild reports it (or, inside try/catch, leaves it to run time) as usual.
        if (resolved.errors.length > 0 || (!resolved.external && resolved.namespace !== 'file')) return undefined;
        const answer = core.checkRequest(args.importer, args.path, { id: resolved.path, external: resolved.external }, kind);
        if (answer.action === 'error') return { errors: [{ text: answer.message }] };
        if (answer.action === 'stub') return { path: answer.stubId, namespace: DENIED_NAMESPACE, warnings: answer.warning === undefined ? [] : [{ text: answer.warning }] };
        const result = resolvedResult(resolved);
        return answer.warning === undefined ? result : { ...result, warnings: [...(result.warnings ?? []), { text: answer.warning }] };
      });

      // A module's compilation needs only its own file and what it imports resolved, so the compilations of
      // the modules it imports start as soon as it knows them, while esbuild is still parsing: a build
      // otherwise waits on one round trip after another down the app's import chain. Each is awaited by
      // esbuild's own onLoad of the file.
      // Each with the file's text as read, which a column-mapped module's corrected map carries.
      const compilations = new Map<string, Promise<Compiled>>();
      build.onStart(() => {
        compilations.clear();
      });
      const compilationOf = (path: string): Promise<Compiled> => {
        let pending = compilations.get(path);
        if (pending === undefined) {
          pending = compile(path);
          // A failure is reported by the onLoad that awaits it.
          pending.catch(() => undefined);
          compilations.set(path, pending);
        }
        return pending;
      };
      const startCompiling = (path: string): void => {
        if (!compilations.has(path) && SCRIPT.test(path) && core.isCompartmentalized(path)) void compilationOf(path);
      };

      const compile = async (path: string): Promise<Compiled> => {
        const original = await readFile(path, 'utf8');
        const cached = cache.get(path);
        if (cached !== undefined && cached.kind === 'esm' && cached.original === original) return { result: cached.result, original };
        const transpiled = await transpileToJavaScript(path, original, { ...initial, sourcemap: sourceMaps });
        // Plain JavaScript gets a column map that the bundle's own map is corrected with afterwards (esbuild
        // then maps the compiled text on its fast path); transpiled code needs a source map to compose.
        const positions = transpiled.map === undefined ? 'columns' : 'map';
        let result = await core.transform(path, transpiled.code, async (specifier, dynamic) => {
          const direct = relativeFile(specifier, dirname(path), core.attributor.packageOf(path));
          if (direct !== undefined) {
            startCompiling(direct);
            return { id: direct, external: false };
          }
          const kind = dynamic ? 'dynamic-import' : 'import-statement';
          const resolved = await build.resolve(specifier, {
            kind, resolveDir: dirname(path), importer: path, namespace: 'file', pluginData: { hermetic: true },
          });
          if (resolved.errors.length > 0 || resolved.path === '') return null;
          resolutions.set(resolutionKey(path, kind, specifier), resolved);
          if (!resolved.external && resolved.namespace === 'file') startCompiling(resolved.path);
          return { id: resolved.path, external: resolved.external };
        }, defineKeys, positions, sloppyOutput);
        if (result.map !== undefined && transpiled.map !== undefined) {
          result = { ...result, map: await composeSourceMaps(result.map, JSON.parse(transpiled.map)) };
        }
        cache.set(path, { original, kind: 'esm', result });
        return { result, original };
      };

      // CommonJS of a compartmentalized package stays esbuild's to wrap and link; its body runs against its
      // package's global. `define` keys stay as written so esbuild still replaces them.
      const loadCommonJS = async (path: string, original: string): Promise<OnLoadResult> => {
        const cached = cache.get(path);
        let result: TransformResult;
        if (cached !== undefined && cached.kind === 'cjs' && cached.original === original) {
          result = cached.result;
        } else {
          result = await core.transformCommonJS(path, original, defineKeys, 'columns');
          cache.set(path, { original, kind: 'cjs', result });
        }
        return { contents: contentsOf(path, result, original, ''), loader: 'js', resolveDir: dirname(path), warnings: result.warnings.map((text) => ({ text })) };
      };

      // One callback for every script file (a round trip to esbuild each): CommonJS first, then ES modules.
      build.onLoad({ filter: scriptFilter(initial.loader), namespace: 'file' }, async (args) => {
        if (COMMONJS_CANDIDATE.test(args.path)) {
          const original = await core.commonJSText(args.path);
          if (original !== undefined) return loadCommonJS(args.path, original);
        }
        const entryPrefix = entries.has(args.path) ? core.entryPrefix() : '';
        if (!core.isCompartmentalized(args.path)) {
          if (entryPrefix === '') return undefined;
          // A trusted entry, as written, after the lockdown import (on its first line, so lines keep their numbers).
          const original = await readFile(args.path, 'utf8');
          return { contents: entryPrefix + original, loader: loaderOf(args.path, initial), resolveDir: dirname(args.path) };
        }
        const { result, original } = await compilationOf(args.path);
        return {
          contents: contentsOf(args.path, result, original, entryPrefix),
          loader: 'js',
          resolveDir: dirname(args.path),
          warnings: result.warnings.map((text) => ({ text })),
        };
      });

      build.onEnd(async (result) => {
        if (result.errors.length > 0) return;
        const written = Object.keys(result.metafile?.outputs ?? {}).map((file) => resolvePath(workingDir, file));
        // The scripts as esbuild made them, read once for the policy and for the hardened-mode check.
        const scripts = result.outputFiles !== undefined
          ? finishOutputFiles(result.outputFiles, core.bundledPolicyJson(), columnMapped)
          : await finishWrittenFiles(written, core.bundledPolicyJson(), columnMapped);
        const missing = core.missingLockdownError(scripts);
        if (missing !== undefined) return { errors: [{ text: missing }] };
        options.onPolicy?.(core.finalPolicyJson(), core);
        const warnings = core.policyWarnings().map((text) => ({ text }));
        return warnings.length === 0 ? undefined : { warnings };
      });
    },
  };
}

export default hermetic;
