/**
 * Which package a module belongs to, decided by where the file is installed,
 * never by what a file says about itself: a package may ship any
 * `package.json` it likes (`"name": "$root$"`, another package's name, none).
 *
 * - A file under `node_modules/<pkg>/` (the last `node_modules` of its real
 *   path; `@scope/pkg` for scoped ones) belongs to the package installed
 *   there, named by its LavaMoat canonical name (canonical-names.ts) when the
 *   dependency graph reaches that directory, else by the chain of install
 *   folders (`a>b`). A nested `package.json` inside it is no new identity;
 *   a file under `node_modules` is never the app.
 * - Any other file (no installed package can write files there) belongs to
 *   the nearest enclosing package directory the dependency graph reaches (a
 *   symlinked workspace package) or `package.json` with a name (a package
 *   vendored in the app's tree), else to the app (`$root$`).
 *
 * Real paths throughout, so symlinked workspaces and pnpm's
 * `.pnpm/x@1/node_modules/x` layout attribute correctly. A nested
 * `package.json` still decides a file's module `type`, as it does for Node.
 */
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { computeCanonicalNames } from './canonical-names.js';
import { ROOT_PACKAGE } from './policy-types.js';

/** The package a module was attributed to. */
export interface PackageInfo {
  /** Canonical (policy) name: `$root$`, `react`, `a>b`. */
  name: string;
  /**
   * The name the package is installed under (its folder below `node_modules`,
   * `@scope/name` for scoped ones); for the app and workspace packages, the
   * `name` of their package.json. Never read from a file inside a package.
   */
  packageJsonName: string;
  /** Real path of the package directory. */
  dir: string;
  /** `"module"` or `"commonjs"`, from the `type` of the nearest package.json. */
  type: 'module' | 'commonjs';
  /**
   * The package's package.json has a `browser` object, which may map one of the
   * package's files to another: a relative specifier then resolves only as the
   * bundler would resolve it.
   */
  mapsFiles: boolean;
}

interface PackageJson {
  name?: unknown;
  type?: unknown;
  browser?: unknown;
}

const NODE_MODULES = `${sep}node_modules${sep}`;

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

/**
 * The install folders of `dir` below each `node_modules` (`.../node_modules/a/node_modules/@s/b/lib` →
 * `['a', '@s/b']`, dot folders such as pnpm's `.pnpm` skipped) and the real directory of the last one;
 * `undefined` when `dir` is not inside a package installed under `node_modules`.
 */
function installLocation(dir: string, rootDir: string): { chain: string[]; packageDir: string } | undefined {
  const path = dir + sep;
  // Only `node_modules` folders inside the app count when the app itself lies below one.
  const from = path.startsWith(rootDir + sep) ? rootDir.length : 0;
  if (path.indexOf(NODE_MODULES, from) === -1) return undefined;
  const chain: string[] = [];
  let packageDir: string | undefined;
  for (let index = path.indexOf(NODE_MODULES, from); index !== -1; index = path.indexOf(NODE_MODULES, index + 1)) {
    const rest = path.slice(index + NODE_MODULES.length).split(sep);
    const count = rest[0].startsWith('@') ? 2 : 1;
    if (rest.length <= count || rest[0] === '' || rest[0].startsWith('.') || (count === 2 && rest[1] === '')) {
      packageDir = undefined;
      continue;
    }
    const name = rest.slice(0, count).join('/');
    chain.push(name);
    packageDir = path.slice(0, index + NODE_MODULES.length) + rest.slice(0, count).join(sep);
  }
  // A file directly in a node_modules folder, or in a dot folder (`.cache`, `.vite`), belongs to no
  // installed package: it gets an identity of its own, never the app's.
  if (packageDir === undefined) return { chain: [], packageDir: dir };
  return { chain, packageDir };
}

/** Attributes files to packages under one application root. */
export class PackageAttributor {
  /** Real path of the application directory (its package is `$root$`). */
  readonly rootDir: string;
  private readonly byDir = new Map<string, PackageInfo>();
  /** Answers by file as named (a build asks several times per module). */
  private readonly byFile = new Map<string, PackageInfo>();
  private readonly typeByDir = new Map<string, 'module' | 'commonjs'>();
  private canonical: Map<string, string> | undefined;
  private canonicalDirs: Map<string, string> | undefined;
  private root: PackageInfo | undefined;

  constructor(rootDir: string) {
    this.rootDir = safeRealpath(rootDir);
  }

  /** Real package directory → canonical name, computed once from the dependency graph. */
  private canonicalNames(): Map<string, string> {
    return (this.canonical ??= computeCanonicalNames(this.rootDir));
  }

  /** Canonical name → real package directory. */
  private dirsByName(): Map<string, string> {
    return (this.canonicalDirs ??= new Map([...this.canonicalNames()].map(([dir, name]) => [name, dir])));
  }

  /** The package of `file` (see the module comment). */
  packageOf(file: string): PackageInfo {
    let info = this.byFile.get(file);
    if (info === undefined) {
      const dir = dirname(safeRealpath(file));
      const owner = this.ownerOf(dir);
      const type = this.typeOf(dir, owner.dir);
      info = type === owner.type ? owner : { ...owner, type };
      this.byFile.set(file, info);
    }
    return info;
  }

  /** The package owning the real directory `dir`, by install location. */
  private ownerOf(dir: string): PackageInfo {
    const location = installLocation(dir, this.rootDir);
    if (location !== undefined) return this.installed(location.packageDir, location.chain);
    const names = this.canonicalNames();
    for (let current = dir; ; current = dirname(current)) {
      if (current === this.rootDir) return this.rootInfo();
      const name = names.get(current);
      if (name !== undefined) return this.installed(current, [name]);
      // Outside node_modules (a package vendored in the app's own tree, a sibling workspace, Hermetic's
      // own files in a checkout) no installed package can put files: the nearest named package.json says.
      const pkg = readPackageJson(current);
      if (typeof pkg?.name === 'string') return this.installed(current, [pkg.name]);
      if (dirname(current) === current) return this.rootInfo();
    }
  }

  private installed(packageDir: string, chain: string[]): PackageInfo {
    let info = this.byDir.get(packageDir);
    if (info !== undefined) return info;
    const pkg = readPackageJson(packageDir);
    let name = this.canonicalNames().get(packageDir);
    if (name === undefined) {
      // Not reached through any package.json's dependencies: named by where it is installed, made
      // unique so that it can never share another package's policy entry or global.
      const base = chain.length > 0 ? chain.join('>') : `(unattributed)/${this.moduleKey(packageDir)}`;
      const taken = this.dirsByName().get(base);
      name = taken === undefined || taken === packageDir ? base : `${base} (${this.moduleKey(packageDir)})`;
    }
    const installName = chain.length > 0 ? chain[chain.length - 1] : typeof pkg?.name === 'string' ? pkg.name : name;
    info = { name, packageJsonName: installName, dir: packageDir, type: pkg?.type === 'module' ? 'module' : 'commonjs', mapsFiles: mapsFiles(pkg) };
    this.byDir.set(packageDir, info);
    return info;
  }

  /** `type` of the nearest package.json from `dir` up to `packageDir` (Node's rule for `.js` files). */
  private typeOf(dir: string, packageDir: string): 'module' | 'commonjs' {
    const visited: string[] = [];
    let type: 'module' | 'commonjs' = 'commonjs';
    for (let current = dir; ; current = dirname(current)) {
      const cached = this.typeByDir.get(current);
      if (cached !== undefined) {
        type = cached;
        break;
      }
      visited.push(current);
      const pkg = readPackageJson(current);
      if (pkg !== undefined) {
        type = pkg.type === 'module' ? 'module' : 'commonjs';
        break;
      }
      if (current === packageDir || dirname(current) === current) break;
    }
    for (const d of visited) this.typeByDir.set(d, type);
    return type;
  }

  private rootInfo(): PackageInfo {
    if (this.root !== undefined) return this.root;
    const pkg = readPackageJson(this.rootDir);
    return (this.root = {
      name: ROOT_PACKAGE,
      packageJsonName: typeof pkg?.name === 'string' ? pkg.name : ROOT_PACKAGE,
      dir: this.rootDir,
      type: pkg?.type === 'module' ? 'module' : 'commonjs',
      mapsFiles: mapsFiles(pkg),
    });
  }

  /** A stable module key: the path relative to the root, with `/` separators. */
  moduleKey(file: string): string {
    return relative(this.rootDir, safeRealpath(file)).split(sep).join('/');
  }
}
