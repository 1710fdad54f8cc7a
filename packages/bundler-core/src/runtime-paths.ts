/**
 * Where the start-up code every bundle includes lives on disk: the BUILT
 * `@hermetic/bundler-core/bootstrap` (and `ses` in hardened mode). Resolved from
 * the application first, then from the working directory, so that a plugin
 * installed anywhere finds them.
 */
import { realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { readManifest, resolvePackageDir } from './canonical-names.js';

/** Absolute paths of the runtime modules a bundle imports. */
export interface RuntimePaths {
  bootstrap: string;
  ses?: string;
}

function resolveFrom(specifier: string, bases: string[]): string {
  const failures: string[] = [];
  for (const base of bases) {
    try {
      return createRequire(join(base, 'package.json')).resolve(specifier);
    } catch (error) {
      failures.push(`${base}: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  throw new Error(
    `Hermetic cannot find ${specifier} (needed in every bundle). Install it next to your app ` +
      `and build it (\`npx tsc -b\`). Tried:\n  ${failures.join('\n  ')}`,
  );
}

/** Finds the runtime files, starting from `rootDir`. */
export function findRuntimePaths(rootDir: string, hardened: boolean): RuntimePaths {
  const bases = [rootDir, process.cwd()];
  const paths: RuntimePaths = {
    bootstrap: resolveFrom('@hermetic/bundler-core/bootstrap', bases),
  };
  // SES's self-contained ES-module build: strict inside (an esbuild IIFE bundle runs the sources sloppy,
  // which SES refuses), and kept whole by Rollup without @rollup/plugin-commonjs (which dropped the
  // side-effect-only import of its UMD build, so `lockdown` was never defined).
  if (hardened) paths.ses = join(packageDirOf(resolveFrom('ses', bases)), 'dist', 'ses.mjs');
  return paths;
}

/**
 * Real directories of the run-time packages a bundle imports from Hermetic's own install: the
 * bootstrap's package and, in hardened mode, `ses` with the packages it depends on. Their files are
 * trusted (never compiled); a package that imports them is still checked like any other import.
 */
export function trustedRuntimeDirs(paths: RuntimePaths): Set<string> {
  const dirs = new Set<string>();
  const add = (dir: string | undefined): void => {
    if (dir === undefined || dirs.has(dir)) return;
    dirs.add(dir);
    for (const dependency of Object.keys(readManifest(dir).dependencies ?? {})) add(resolvePackageDir(dependency, dir));
  };
  dirs.add(packageDirOf(paths.bootstrap));
  if (paths.ses !== undefined) add(packageDirOf(paths.ses));
  return dirs;
}

/** The real directory of the package that holds `file` (the nearest package.json with a name). */
function packageDirOf(file: string): string {
  for (let dir = dirname(realpathSync(file)); ; dir = dirname(dir)) {
    if (typeof readManifest(dir).name === 'string') return dir;
    if (dirname(dir) === dir) return dirname(realpathSync(file));
  }
}
