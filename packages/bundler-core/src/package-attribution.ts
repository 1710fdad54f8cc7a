/**
 * Which package a module belongs to: the nearest `package.json` with a name,
 * found from the file's real path (so symlinked workspaces and pnpm's
 * `.pnpm/x@1/node_modules/x` layout attribute correctly), named by its
 * LavaMoat-style canonical name (see canonical-names.ts).
 */
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { computeCanonicalNames } from './canonical-names.js';
import { ROOT_PACKAGE } from './policy-types.js';

/** The package a module was attributed to. */
export interface PackageInfo {
  /** Canonical (policy) name: `$root$`, `react`, `a>b`. */
  name: string;
  /** The `name` field of its package.json. */
  packageJsonName: string;
  /** Real path of the package directory. */
  dir: string;
  /** `"module"` or `"commonjs"`, from package.json `type`. */
  type: 'module' | 'commonjs';
  /**
   * package.json has a `browser` object, which may map one of the package's
   * files to another: a relative specifier then resolves only as the bundler
   * would resolve it.
   */
  mapsFiles: boolean;
}

interface PackageJson {
  name?: unknown;
  type?: unknown;
  browser?: unknown;
}

function mapsFiles(pkg: PackageJson | undefined): boolean {
  return typeof pkg?.browser === 'object' && pkg.browser !== null;
}

function readPackageJson(dir: string): PackageJson | undefined {
  const file = join(dir, 'package.json');
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as PackageJson;
  } catch (error) {
    throw new Error(`Cannot read ${file}: ${(error as Error).message}`);
  }
}

function safeRealpath(path: string): string {
  try {
    // One realpath(3) call, where the JavaScript form stats every component of the path.
    return realpathSync.native(path);
  } catch {
    return path;
  }
}

/** Attributes files to packages under one application root. */
export class PackageAttributor {
  /** Real path of the application directory (its package is `$root$`). */
  readonly rootDir: string;
  private readonly byDir = new Map<string, PackageInfo | null>();
  /** Answers by file as named (a build asks several times per module). */
  private readonly byFile = new Map<string, PackageInfo>();
  private canonical: Map<string, string> | undefined;

  constructor(rootDir: string) {
    this.rootDir = safeRealpath(rootDir);
  }

  /** Real package directory → canonical name, computed once from the dependency graph. */
  private canonicalNames(): Map<string, string> {
    return (this.canonical ??= computeCanonicalNames(this.rootDir));
  }

  /** The package of `file`; files outside any named package belong to the root. */
  packageOf(file: string): PackageInfo {
    let info = this.byFile.get(file);
    if (info === undefined) {
      info = this.packageOfDir(dirname(safeRealpath(file)));
      this.byFile.set(file, info);
    }
    return info;
  }

  private packageOfDir(start: string): PackageInfo {
    let dir = start;
    const visited: string[] = [];
    for (;;) {
      const cached = this.byDir.get(dir);
      if (cached !== undefined) {
        const info = cached ?? this.rootInfo();
        for (const d of visited) this.byDir.set(d, info);
        return info;
      }
      visited.push(dir);
      const pkg = dir === this.rootDir ? undefined : readPackageJson(dir);
      if (dir === this.rootDir || (pkg !== undefined && typeof pkg.name === 'string')) {
        const info = dir === this.rootDir ? this.rootInfo() : this.describe(dir, pkg!);
        for (const d of visited) this.byDir.set(d, info);
        return info;
      }
      const parent = dirname(dir);
      if (parent === dir) {
        for (const d of visited) this.byDir.set(d, null);
        return this.rootInfo();
      }
      dir = parent;
    }
  }

  private rootInfo(): PackageInfo {
    const pkg = readPackageJson(this.rootDir);
    return {
      name: ROOT_PACKAGE,
      packageJsonName: typeof pkg?.name === 'string' ? pkg.name : ROOT_PACKAGE,
      dir: this.rootDir,
      type: pkg?.type === 'module' ? 'module' : 'commonjs',
      mapsFiles: mapsFiles(pkg),
    };
  }

  private describe(dir: string, pkg: PackageJson): PackageInfo {
    const packageJsonName = pkg.name as string;
    const name = this.canonicalNames().get(dir) ?? packageJsonName;
    return { name, packageJsonName, dir, type: pkg.type === 'module' ? 'module' : 'commonjs', mapsFiles: mapsFiles(pkg) };
  }

  /** A stable module key: the path relative to the root, with `/` separators. */
  moduleKey(file: string): string {
    return relative(this.rootDir, safeRealpath(file)).split(sep).join('/');
  }
}
