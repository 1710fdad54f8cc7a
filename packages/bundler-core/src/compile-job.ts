/**
 * One compilation as data, and running it: what the compile cache hands to a
 * worker (compile-worker.ts) or, without workers, runs itself.
 */
import type { CompiledCommonJS, CompiledModuleInPlace, SourceMapV3 } from '@hermetic/module-source';
import { scopePrelude, type PreludeSpec } from './scope-preludes.js';
import { pruneNonTokenSegments } from './prune-source-map.js';
import { globalUsage, type GlobalUsage } from './global-usage.js';

/** A compilation with what it tells the policy generator. */
export type WithUsage<T> = T & { usage: GlobalUsage };

/** A compilation: an ES module (`esm`) or a CommonJS body (`cjs`), in place. */
export interface CompileJob {
  id: string;
  code: string;
  /** A source map, or (`'columns'`) a column map for a bundler that maps the compiled text itself. */
  sourceMap: boolean | 'columns';
  /** Member chains a later `define` step replaces. */
  preserve: string[];
  /** Free names whose calls need no `(0, …)` (the intrinsics, when package globals are frozen). */
  directCalls: string[];
  prelude: PreludeSpec;
  /** ES modules: the bundler's output may drop module strictness (esbuild IIFE); see the compiler's `sloppyOutput`. */
  sloppyOutput?: boolean;
}

type Compiler = typeof import('@hermetic/module-source');
let compiler: Promise<Compiler> | undefined;
// Loaded on the first compilation only: a warm build never pays for loading Babel.
const loadCompiler = (): Promise<Compiler> => (compiler ??= import('@hermetic/module-source'));

/** Loads the compiler (and Babel) ahead of the first job: a cold build starts it while the bundler resolves. */
export async function preloadCompiler(): Promise<void> {
  await loadCompiler();
}

/** The compilation with its map pruned once, before it is cached, rather than on every build. */
function withPrunedMap<T extends { code: string; map?: SourceMapV3 }>(compiled: T): T {
  return compiled.map === undefined ? compiled : { ...compiled, map: pruneNonTokenSegments(compiled.map, compiled.code) };
}

/**
 * How compiled code names a module at run time: from its last `node_modules/`
 * on (`node_modules/pkg/index.js`), so a bundle does not carry the build
 * machine's paths; other ids as they are.
 */
export function runTimeLocation(id: string): string {
  const at = id.replace(/\\/g, '/').lastIndexOf('node_modules/');
  return at === -1 ? id : id.replace(/\\/g, '/').slice(at);
}

/** Runs `job` in this thread. */
export async function runCompileJob(job: CompileJob): Promise<WithUsage<CompiledModuleInPlace> | WithUsage<CompiledCommonJS>> {
  const { compileModuleInPlace, compileCommonJS } = await loadCompiler();
  const options = {
    specifier: job.id, location: runTimeLocation(job.id), sourceMap: job.sourceMap, preserve: job.preserve, directCalls: job.directCalls, scopePrelude: scopePrelude.bind(undefined, job.prelude),
  };
  const compiled = withPrunedMap(job.prelude.kind === 'esm' ? compileModuleInPlace(job.code, { ...options, sloppyOutput: job.sloppyOutput === true }) : compileCommonJS(job.code, options));
  return { ...compiled, usage: globalUsage(job.code, compiled.code, compiled.globals) };
}
