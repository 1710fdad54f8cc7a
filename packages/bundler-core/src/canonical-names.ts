/**
 * LavaMoat-compatible canonical package names: the shortest dependency path
 * from the application to a package, joined with `>` (`react-dom>scheduler`),
 * found by breadth-first search over package.json dependencies resolved the
 * way Node resolves them (walking up `node_modules` from the dependent's real
 * path), ties broken alphabetically. Keys are real package directories, so
 * one installed copy has one name however it is reached.
 */
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The fields of a package.json that package identity and the dependency graph read. */
export interface Manifest {
  name?: unknown;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

/** `dir`'s package.json, or `{}` when it has none (or none that parses). */
export function readManifest(dir: string): Manifest {
  try {
    return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
  } catch {
    return {};
  }
}

/** Finds `name`'s package directory as Node would from `fromDir`, by real path. */
export function resolvePackageDir(name: string, fromDir: string): string | undefined {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
    if (dirname(dir) === dir) return undefined;
  }
}

function dependencyNames(manifest: Manifest, isRoot: boolean): string[] {
  const names = new Set<string>([
    ...Object.keys(manifest.dependencies ?? {}),
    ...Object.keys(manifest.optionalDependencies ?? {}),
    ...Object.keys(manifest.peerDependencies ?? {}),
    ...(isRoot ? Object.keys(manifest.devDependencies ?? {}) : []),
  ]);
  return [...names].sort();
}

/** Maps each reachable package's real directory to its canonical name. */
export function computeCanonicalNames(rootDir: string): Map<string, string> {
  const names = new Map<string, string>();
  const root = realpathSync(rootDir);
  let frontier: Array<{ dir: string; path: string[] }> = [{ dir: root, path: [] }];
  const seen = new Set<string>([root]);
  while (frontier.length > 0) {
    const next: Array<{ dir: string; path: string[] }> = [];
    for (const { dir, path } of frontier) {
      for (const dependency of dependencyNames(readManifest(dir), dir === root)) {
        const depDir = resolvePackageDir(dependency, dir);
        if (depDir === undefined || seen.has(depDir)) continue;
        seen.add(depDir);
        const depPath = [...path, dependency];
        names.set(depDir, depPath.join('>'));
        next.push({ dir: depDir, path: depPath });
      }
    }
    // Same length paths: keep the alphabetically first, which BFS over sorted names gives.
    frontier = next;
  }
  return names;
}
