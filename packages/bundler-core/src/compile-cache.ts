/**
 * A content-addressed disk cache of compiled modules, so repeated builds and
 * `hermetic run` do not recompile unchanged files (lodash-es is 600+
 * modules). Keyed by the module text, its id, the options and the compiler
 * build (its file's path and modification time), so a rebuilt compiler
 * invalidates everything.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { CompiledCommonJS, CompiledModuleInPlace, ScopePreludeInfo, SourceMapV3 } from '@hermetic/module-source';
import { pruneNonTokenSegments } from './prune-source-map.js';

type Compiler = typeof import('@hermetic/module-source');
let compiler: Promise<Compiler> | undefined;
// Loaded on the first cache miss only: a warm build never pays for loading Babel.
const loadCompiler = (): Promise<Compiler> => (compiler ??= import('@hermetic/module-source'));

function compilerStamp(root: string): string {
  try {
    const file = createRequire(join(root, 'package.json')).resolve('@hermetic/module-source');
    return `${file}:${statSync(file).mtimeMs}`;
  } catch {
    return 'unknown-compiler';
  }
}

/** Bumped when what is stored for a compilation changes (2: source maps pruned to token starts; 3: ES modules compiled in place). */
const STORED_FORMAT = 'in-place-3';

/** The compilation with its map pruned once, before it is cached, rather than on every build. */
function withPrunedMap<T extends { code: string; map?: SourceMapV3 }>(compiled: T): T {
  return compiled.map === undefined ? compiled : { ...compiled, map: pruneNonTokenSegments(compiled.map, compiled.code) };
}

/** Compiles modules, reusing earlier results from `dir` when given. */
export class CompileCache {
  private readonly stamp: string;

  constructor(private readonly dir: string | undefined, root: string) {
    this.stamp = dir === undefined ? '' : compilerStamp(root);
    if (dir !== undefined) mkdirSync(dir, { recursive: true });
  }

  /**
   * `compileModuleInPlace(code, { specifier: id, sourceMap, scopePrelude, preserve })`, cached
   * under `preludeKey` (what the prelude depends on besides the compilation).
   */
  async compileModule(
    id: string, code: string, sourceMap: boolean, preserve: string[], preludeKey: string, scopePrelude: (info: ScopePreludeInfo) => string,
  ): Promise<CompiledModuleInPlace> {
    return this.cached(`esm\0${id}\0${sourceMap}\0${preserve.join(',')}\0${preludeKey}\0`, code, async () =>
      withPrunedMap((await loadCompiler()).compileModuleInPlace(code, { specifier: id, sourceMap, scopePrelude, preserve })));
  }

  /**
   * `compileCommonJS(code, { specifier: id, sourceMap, scopePrelude, preserve })`, cached
   * under `preludeKey` (what the prelude depends on besides the compilation).
   */
  async compileCommonJS(
    id: string, code: string, sourceMap: boolean, preserve: string[], preludeKey: string, scopePrelude: (info: ScopePreludeInfo) => string,
  ): Promise<CompiledCommonJS> {
    return this.cached(`cjs\0${id}\0${sourceMap}\0${preserve.join(',')}\0${preludeKey}\0`, code, async () =>
      withPrunedMap((await loadCompiler()).compileCommonJS(code, { specifier: id, sourceMap, scopePrelude, preserve })));
  }

  private async cached<T>(what: string, code: string, compile: () => Promise<T>): Promise<T> {
    if (this.dir === undefined) return compile();
    const key = createHash('sha256').update(`${this.stamp}\0${STORED_FORMAT}\0${what}`).update(code).digest('hex');
    const file = join(this.dir, `${key}.json`);
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as T;
    } catch {
      const compiled = await compile();
      const temporary = `${file}.${process.pid}.tmp`;
      try {
        writeFileSync(temporary, JSON.stringify(compiled));
        renameSync(temporary, file);
      } catch {
        // A cache that cannot be written only costs time.
      }
      return compiled;
    }
  }
}
