/**
 * A content-addressed disk cache of compiled modules, so repeated builds and
 * `hermetic run` do not recompile unchanged files (lodash-es is 600+
 * modules). Keyed by the module text, its id, the options and the compiler
 * build (its file's path and modification time), so a rebuilt compiler
 * invalidates everything.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, opendirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { CompiledCommonJS, CompiledModuleInPlace } from '@hermetic/module-source';
import { CompilePool } from './compile-pool.js';
import type { CompileJob, WithUsage } from './compile-job.js';

function compilerStamp(root: string): string {
  try {
    const file = createRequire(join(root, 'package.json')).resolve('@hermetic/module-source');
    return `${file}:${statSync(file).mtimeMs}`;
  } catch {
    return 'unknown-compiler';
  }
}

function isEmptyDirectory(dir: string): boolean {
  try {
    const entries = opendirSync(dir);
    try {
      return entries.readSync() === null;
    } finally {
      entries.closeSync();
    }
  } catch {
    return true;
  }
}

/** Bumped when what is stored for a compilation changes (2: source maps pruned to token starts; 3: ES modules compiled in place; 4: base64url scope-module ids; 5: one scope per package; 6: with the global usage; 7: CommonJS requires its package's scope module; 8: computed import() through `$hd`; 9: a semicolon after a directive that has none). */
const STORED_FORMAT = 'in-place-9';

/** Compiles modules, reusing earlier results from `dir` when given. */
export class CompileCache {
  private readonly stamp: string;
  private pool: CompilePool | undefined;

  constructor(private readonly dir: string | undefined, root: string) {
    this.stamp = dir === undefined ? '' : compilerStamp(root);
    if (dir !== undefined) mkdirSync(dir, { recursive: true });
  }

  /**
   * `compileModuleInPlace` of an ES module of `packageName` with its
   * scope-module prelude, cached. `sloppyOutput`: the bundler's output may
   * drop module strictness (esbuild's IIFE format).
   */
  compileModule(id: string, code: string, sourceMap: boolean | 'columns', preserve: string[], directCalls: string[], packageName: string, sloppyOutput = false): Promise<WithUsage<CompiledModuleInPlace>> {
    return this.compileJob({ id, code, sourceMap, preserve, directCalls, prelude: { kind: 'esm', packageName }, sloppyOutput }) as Promise<WithUsage<CompiledModuleInPlace>>;
  }

  /** `compileCommonJS` of a CommonJS body of `packageName` with its bootstrap prelude and global usage, cached. */
  compileCommonJS(id: string, code: string, sourceMap: boolean | 'columns', preserve: string[], directCalls: string[], packageName: string): Promise<WithUsage<CompiledCommonJS>> {
    return this.compileJob({ id, code, sourceMap, preserve, directCalls, prelude: { kind: 'cjs', packageName } }) as Promise<WithUsage<CompiledCommonJS>>;
  }

  /**
   * Starts loading the compiler in a worker when this build will compile: no
   * cache, or an empty one (a first build, a clean CI checkout). A cache with
   * entries is taken to be warm, and the compiler then loads on the first
   * miss, as a warm build must not pay for Babel on a second core.
   */
  warmUpIfCold(): void {
    if (this.dir !== undefined && !isEmptyDirectory(this.dir)) return;
    (this.pool ??= new CompilePool()).warmUp();
  }

  private compileJob(job: CompileJob): Promise<WithUsage<CompiledModuleInPlace> | WithUsage<CompiledCommonJS>> {
    const key = `${job.prelude.kind}\0${job.id}\0${job.sourceMap}\0${job.preserve.join(',')}\0${job.directCalls.length}\0${job.prelude.packageName}\0${job.sloppyOutput === true}\0`;
    return this.cached(key, job.code, () => (this.pool ??= new CompilePool()).run(job));
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
