/**
 * One build's worth of Hermetic state, shared by every bundler adapter:
 * decides which modules run against their package's global, compiles them in
 * place (the bundler still links them), checks imports between packages
 * against the policy, collects what the policy generator needs, and produces
 * the virtual modules and the final policy.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { dirname, join, resolve as resolvePath } from 'node:path';
import type { ColumnMap, SourceMapV3 } from '@hermetic/module-source';
import { CompileCache } from './compile-cache.js';
import { PackageAttributor } from './package-attribution.js';
import { isEsModule, isScriptFile, moduleKindByName } from './module-kind.js';
import { ROOT_PACKAGE } from './policy-types.js';
import { INTRINSIC_GLOBALS } from './intrinsic-names.js';
import { LOCKDOWN_ID, denyModuleId, virtualModuleSource } from './bootstrap-source.js';
import { asVirtualId, virtualRequestError } from './virtual-requests.js';
import { grantWarnings } from './grant-warnings.js';
import { generatePolicy, type ModuleUsage } from './generate-policy.js';
import { mergePolicy } from './merge-policy.js';
import { resolvePolicyInput, type PolicyInput } from './load-policy.js';
import { formatPolicy } from './sort-policy.js';
import { findRuntimePaths, trustedRuntimeDirs, type RuntimePaths } from './runtime-paths.js';
import type { Policy } from './policy-types.js';
import { bundlePolicy } from './bootstrap/bundled-policy.js';
import {
  builtinFacade, deniedImportStub, deniedRequireStub, deniedRequireText, overrideRevokesRequire, policyGrantsRequire, type RequireTarget,
} from './require-policy.js';
import { deniedBuiltinError, deniedImportError, denialWarning } from './bootstrap/denial-messages.js';

/** Options every Hermetic plugin accepts. */
export interface HermeticOptions {
  /** The application directory (its package is `$root$`). Default: `process.cwd()`. */
  root?: string;
  /**
   * The policy: a path to a policy.json (LavaMoat's format works unchanged) or
   * an object. Default: `<root>/hermetic/policy.json` when it exists, else a
   * policy generated from this build's modules.
   */
  policy?: PolicyInput;
  /** Entries that replace the policy's. Default: `<root>/hermetic/policy-override.json` when it exists. */
  policyOverride?: PolicyInput;
  /** Log every denial (with the entry to add) instead of failing. */
  debug?: boolean;
  /** Run SES `lockdown()` before any module (needs the `ses` package). */
  hardened?: boolean;
  /** Freeze each package's global (default true). */
  frozenGlobals?: boolean;
  /** Emit source maps for the compiled modules (default true). */
  sourceMap?: boolean;
  /** Packages (canonical or package.json names) to leave outside compartments. */
  exclude?: string[];
  /**
   * The persistent compile cache (content-addressed). Default:
   * `node_modules/.cache/hermetic` in the nearest directory (from the root up) that has
   * node_modules; `false` turns it off.
   */
  cacheDir?: string | false;
  /**
   * A dev server that serves modules one by one (Vite's `serve`): the
   * policy cannot wait for the whole graph, so the bootstrap carries the
   * explicit policy (with the override) as it is; without a policy file,
   * modules are served as written (unconfined), with a warning.
   */
  serve?: boolean;
}

/** A dependency as the bundler resolved it. */
export interface ResolvedDependency {
  /** The resolved id (an absolute path for files). */
  id: string;
  external: boolean;
}

/** Resolves `specifier` from the module being transformed; `null` when it cannot. */
export type DependencyResolver = (specifier: string, dynamic: boolean) => Promise<ResolvedDependency | null>;

/**
 * How a request reaches the bundler's resolver: `static`, an `import`/`export … from` statement;
 * `dynamic`, an `import()`; `require`, a CommonJS `require` or `require.resolve`.
 */
export type RequestKind = 'static' | 'dynamic' | 'require';

/** What the adapter does with a request {@link HermeticBuild.checkRequest} checked. */
export type CheckedRequest =
  | { action: 'allow'; warning?: string }
  | { action: 'stub'; stubId: string; warning?: string }
  | { action: 'error'; message: string };

/** A denied CommonJS `require`: the module to use in place of its target, and the build warning. */
export interface DeniedRequire {
  /** Id of the stub module (a file name next to the importer that does not exist; {@link HermeticBuild.requireStubSource} gives its text). */
  stubId: string;
  /** The denial, worded like the ES-import one (in debug mode, prefixed as a debug warning). */
  warning: string;
}

/** What a transform returns. */
export interface TransformResult {
  code: string;
  map?: SourceMapV3;
  /**
   * With `sourceMap: 'columns'`: the column map (remap-columns.ts) of the
   * compiled text from its line `lineOffset` on (lines put before it come
   * from no original line).
   */
  columns?: ColumnMap;
  lineOffset?: number;
  warnings: string[];
}

/** How a transform describes its positions: a source map, or a column map the adapter applies to the bundle's map. */
export type PositionMode = 'map' | 'columns';

const builtinNames = new Set(builtinModules);

function isBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || builtinNames.has(specifier) || builtinNames.has(specifier.split('/')[0]);
}

/** The positions part of a compilation, for a {@link TransformResult}. */
function positionsOf(compiled: { map?: SourceMapV3; columns?: ColumnMap }): { map?: SourceMapV3; columns?: ColumnMap } {
  if (compiled.map !== undefined) return { map: compiled.map };
  return compiled.columns === undefined ? {} : { columns: compiled.columns };
}

/**
 * The file a module id stands for: the id itself when such a file exists (a file may be named
 * `x.js?y`), else the id without its query (`?v=…`, `?raw`, `?x`: the bundler loads that file),
 * else `undefined` (a virtual module of another plugin, `\0…`, or no file).
 */
export function fileOfModuleId(id: string): string | undefined {
  if (id.startsWith('\0')) return undefined;
  if (existsSync(id)) return id;
  const query = id.indexOf('?');
  if (query === -1) return undefined;
  const file = id.slice(0, query);
  return existsSync(file) ? file : undefined;
}

/** `<dir>/node_modules/.cache/hermetic` for the nearest ancestor of `root` that has node_modules. */
function nearestNodeModules(root: string): string | undefined {
  for (let dir = root; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'node_modules'))) return join(dir, 'node_modules', '.cache', 'hermetic');
    if (dirname(dir) === dir) return undefined;
  }
}

/** The shared state of one Hermetic build. */
export class HermeticBuild {
  readonly root: string;
  readonly attributor: PackageAttributor;
  readonly options: HermeticOptions;
  private readonly usages = new Map<string, ModuleUsage>();
  private readonly explicitPolicy: Policy | undefined;
  private readonly override: Policy | undefined;
  private readonly excluded: Set<string>;
  private runtime: RuntimePaths | undefined;
  private readonly kinds = new Map<string, boolean>();
  private readonly commonJSKinds = new Map<string, boolean>();
  private readonly compiler: CompileCache;
  private readonly requireEdges = new Map<string, { packages: Set<string>; builtins: Set<string> }>();
  private readonly requireStubs = new Map<string, string>();
  /** {@link fileOfModuleId} by module id (a build asks for each importer on every request it makes); `null`: no file. */
  private readonly files = new Map<string, string | null>();
  /** Real directories of Hermetic's own run-time packages (the bootstrap's, and `ses` when hardened): trusted, never compiled. */
  private trustedDirs: Set<string> | undefined;
  /** The denied static imports of each module (their messages). */
  private readonly staticDenials = new Map<string, string[]>();
  private enforcedPolicy: Policy | undefined;
  /** The policy (explicit or override) has a `$root$` entry: the app's own modules are confined too. */
  private readonly rootRestricted: boolean;

  constructor(options: HermeticOptions = {}) {
    this.options = options;
    this.root = resolvePath(options.root ?? process.cwd());
    this.attributor = new PackageAttributor(this.root);
    this.excluded = new Set(options.exclude ?? []);
    const defaultCache = nearestNodeModules(this.root);
    this.compiler = new CompileCache(options.cacheDir === false ? undefined : options.cacheDir ?? defaultCache, this.root);
    const defaultPolicy = join(this.root, 'hermetic', 'policy.json');
    const defaultOverride = join(this.root, 'hermetic', 'policy-override.json');
    const policy = options.policy ?? (existsSync(defaultPolicy) ? defaultPolicy : undefined);
    const override = options.policyOverride ?? (existsSync(defaultOverride) ? defaultOverride : undefined);
    this.explicitPolicy = policy === undefined ? undefined : resolvePolicyInput(policy, 'given as the policy option');
    this.override = override === undefined ? undefined : resolvePolicyInput(override, 'given as the policyOverride option');
    this.rootRestricted = this.explicitPolicy?.resources[ROOT_PACKAGE] !== undefined || this.override?.resources[ROOT_PACKAGE] !== undefined;
  }

  /**
   * Called by a plugin when a build starts (not a dev server's, which
   * compiles as the browser asks): with no compile cache, or an empty one,
   * the compiler starts loading in a worker while the bundler resolves the
   * first modules.
   */
  buildStarting(): void {
    if (this.options.serve === true) return;
    this.compiler.warmUpIfCold();
  }

  /** Paths of the built runtime and bootstrap (resolved once). */
  runtimePaths(): RuntimePaths {
    return (this.runtime ??= findRuntimePaths(this.root, this.options.hardened === true));
  }

  /**
   * True when the module `id` is an ES module whose code runs against its
   * package's global ({@link transform}): every package's but a trusted root's
   * (the root is trusted unless the policy or the override lists `$root$`).
   * Cached per id.
   */
  isCompartmentalized(id: string, code?: string): boolean {
    let answer = this.kinds.get(id);
    if (answer === undefined) {
      answer = this.decide(id, code);
      this.kinds.set(id, answer);
    }
    return answer;
  }

  /**
   * True when the module `id` is CommonJS of a compartmentalized package other
   * than the root: the bundler keeps wrapping and linking it, but its body
   * runs against its package's global ({@link transformCommonJS}).
   */
  isCommonJSCompartmentalized(id: string, code?: string): boolean {
    let answer = this.commonJSKinds.get(id);
    if (answer === undefined) {
      answer = this.mayBeCompartmentalizedCommonJS(id) && !isEsModule(id, this.attributor.packageOf(id).type, code);
      this.commonJSKinds.set(id, answer);
    }
    return answer;
  }

  /**
   * The text of `id` when it is compartmentalized CommonJS
   * ({@link isCommonJSCompartmentalized}), else `undefined`: the file is read
   * once, for the decision and the compilation alike, and not at all when its
   * name and package decide.
   */
  async commonJSText(id: string): Promise<string | undefined> {
    const known = this.commonJSKinds.get(id);
    if (known === false || (known === undefined && !this.mayBeCompartmentalizedCommonJS(id))) return undefined;
    const text = await readFile(id, 'utf8');
    return this.isCommonJSCompartmentalized(id, text) ? text : undefined;
  }

  /** False when `id` cannot be compartmentalized CommonJS whatever its text. */
  private mayBeCompartmentalizedCommonJS(id: string): boolean {
    if (this.options.serve === true && this.explicitPolicy === undefined) return false;
    if (id.includes('?') || !isScriptFile(id) || !existsSync(id) || !this.inCompartmentalizedPackage(id)) return false;
    const pkg = this.attributor.packageOf(id);
    return pkg.name !== ROOT_PACKAGE && moduleKindByName(id, pkg.type) !== true;
  }

  /**
   * True when the file of module `id` belongs to a package whose code runs in a compartment: any
   * package but Hermetic's own run-time files and excluded packages, whatever the file's extension or
   * the id's query (a bundler runs `x.txt` or `x.js?q` as JavaScript just the same).
   */
  private inCompartmentalizedPackage(id: string): boolean {
    const file = this.fileOfId(id);
    if (file === undefined) return false;
    const pkg = this.attributor.packageOf(file);
    // A dev server's own client code (Vite's HMR client) and its pre-bundled dependencies are tooling (issue 12).
    if (this.options.serve === true && (pkg.packageJsonName === 'vite' || /[\\/]node_modules[\\/]\.vite[\\/]/.test(file))) return false;
    if (this.isTrustedRuntime(pkg.dir)) return false;
    return !(this.excluded.has(pkg.name) || (pkg.name !== ROOT_PACKAGE && this.excluded.has(pkg.packageJsonName)));
  }

  /** {@link fileOfModuleId}, asked of the file system once per id. */
  private fileOfId(id: string): string | undefined {
    let file = this.files.get(id);
    if (file === undefined) this.files.set(id, (file = fileOfModuleId(id) ?? null));
    return file ?? undefined;
  }

  /** The file module `id` stands for, or the id itself when it stands for none (messages, keys). */
  private fileOf(id: string): string {
    return this.fileOfId(id) ?? id;
  }

  /** True for the directory of one of Hermetic's own run-time packages, as resolved from Hermetic itself. */
  private isTrustedRuntime(dir: string): boolean {
    return (this.trustedDirs ??= trustedRuntimeDirs(this.runtimePaths())).has(dir);
  }

  private decide(id: string, code: string | undefined): boolean {
    if (this.options.serve === true && this.explicitPolicy === undefined) return false;
    if (!this.inCompartmentalizedPackage(id)) return false;
    const file = this.fileOfId(id)!;
    const pkg = this.attributor.packageOf(file);
    // A dev server compiles before the app's JSX and TypeScript are transpiled: the app is served as written.
    if (pkg.name === ROOT_PACKAGE && (!this.rootRestricted || this.options.serve === true)) return false;
    // What a bundler runs as JavaScript under another name (`x.txt`, `x.js?raw`) reaches the final
    // transform as an ES module: it is compiled like one. CommonJS was compiled when it was loaded.
    if (file !== id || !isScriptFile(file)) return true;
    return isEsModule(id, pkg.type, code);
  }

  /** What the compiler is asked for: no positions, a source map, or a column map. */
  private sourceMapMode(positions: PositionMode): boolean | 'columns' {
    if (this.options.sourceMap === false) return false;
    return positions === 'columns' ? 'columns' : true;
  }

  /**
   * Free names whose calls compile to `$hg.X(…)`, without `(0, …)`: the
   * intrinsics, which ignore their `this`, when package globals are frozen
   * (so no package can put another function under those names).
   */
  private directCalls(): string[] {
    return this.options.frozenGlobals === false ? [] : [...INTRINSIC_GLOBALS];
  }

  /**
   * Compiles one CommonJS module of a compartmentalized package (plain
   * JavaScript): the text stays a CommonJS module body for the bundler's own
   * CommonJS handling, but its free references go through its package's
   * global scope object, which a one-line prelude obtains from the bootstrap
   * (`require("hermetic:bootstrap").scopeOf(package, globals, strict)`) when
   * the body first runs. Every line keeps its number. `preserve` lists the
   * member chains a later `define`/replace step substitutes (the bundler's
   * `define` keys); `process.env.NODE_ENV` always is.
   */
  async transformCommonJS(id: string, code: string, preserve: string[] = [], positions: PositionMode = 'map'): Promise<TransformResult> {
    const pkg = this.attributor.packageOf(id);
    const chains = [...new Set(['process.env.NODE_ENV', ...preserve])].sort();
    const compiled = await this.compiler.compileCommonJS(id, code, this.sourceMapMode(positions), chains, this.directCalls(), pkg.name);
    this.usages.set(id, { packageName: pkg.name, globals: new Set(compiled.usage.globals), writes: new Set(compiled.usage.writes), imports: [], builtins: [] });
    return { code: compiled.code, ...positionsOf(compiled), warnings: compiled.warnings };
  }

  /**
   * Checks a request that the bundler resolved (`specifier` → `resolved`) from the module
   * `importerId` against the policy (explicit `policy` with `policyOverride`; without an explicit
   * policy the generated one grants every edge, so only an override can revoke one). Applies when the
   * importer is compartmentalized (ES module or CommonJS) and the target is a module of another
   * package or a host built-in; records the edge for the generated policy. Called by the adapters from
   * their resolver hooks, so every request the bundler resolves is checked, however it was written.
   *
   * - a built-in that an explicit policy grants member by member (`"fs.readFile": true`) is replaced
   *   by a module holding those members only (require-policy.ts `builtinFacade`);
   * - `require` and `dynamic`: a denied target is replaced by a stub module that throws the denial
   *   when evaluated (debug mode: a `require` stub logs it and exports the real module; an `import()`
   *   goes through with a warning).
   * - `static`: a denied import was already found by {@link transform} in the compiled module (which
   *   puts a deny module before it); one the compiler did not see means the bundler reads the module
   *   differently from Babel, and fails the build.
   */
  checkRequest(importerId: string, specifier: string, resolved: ResolvedDependency, kind: RequestKind): CheckedRequest {
    if (!this.confines(importerId)) return { action: 'allow' };
    const importerFile = this.fileOf(importerId);
    const importer = this.attributor.packageOf(importerFile).name;
    const target = this.requireTarget(specifier, resolved);
    if (target === undefined || (target.kind === 'package' && target.name === importer)) return { action: 'allow' };
    const fromModule = this.attributor.moduleKey(importerFile);
    const importerDir = dirname(importerFile);
    const stub = (name: string, text: string): string => {
      const stubId = join(importerDir, name);
      this.requireStubs.set(stubId, text);
      return stubId;
    };
    if (kind !== 'static') {
      let edges = this.requireEdges.get(importerId);
      if (edges === undefined) this.requireEdges.set(importerId, (edges = { packages: new Set(), builtins: new Set() }));
      (target.kind === 'builtin' ? edges.builtins : edges.packages).add(target.name);
    }
    const message = this.deniedEdge(importer, target, fromModule, specifier, kind === 'require' ? 'require' : 'import');
    const debug = this.options.debug === true;
    if (message === undefined) {
      // A built-in granted member by member (`fs.readFile`) is reached through a module holding those members only.
      const members = target.kind === 'builtin' ? this.grantedMembers(importer, target.name) : undefined;
      if (members === undefined) return { action: 'allow' };
      const hash = createHash('sha256').update(`${specifier}\0${members.join(',')}\0${kind}`).digest('hex').slice(0, 16);
      const request = specifier.startsWith('node:') ? specifier : `node:${specifier}`;
      return kind === 'require'
        ? { action: 'stub', stubId: stub(`hermetic-builtin-${hash}.cjs`, builtinFacade(request, members, 'cjs')) }
        : { action: 'stub', stubId: stub(`hermetic-builtin-${hash}.mjs`, builtinFacade(request, members, 'esm')) };
    }
    if (kind === 'static') {
      if (debug || this.staticDenials.get(importerFile)?.includes(message) === true) return { action: 'allow' };
      return {
        action: 'error',
        message: `${message}\nHermetic's compiler found no such import in ${fromModule}: the bundler reads this module differently from Babel, so Hermetic cannot confine it. Remove the construct that parses differently, or exclude the package.`,
      };
    }
    if (kind === 'dynamic' && debug) return { action: 'allow', warning: denialWarning(message) };
    const realRequest = resolved.external ? specifier : resolved.id;
    const hash = createHash('sha256').update(`${importerId}\0${specifier}\0${realRequest}\0${debug}\0${kind}`).digest('hex').slice(0, 16);
    const stubId = kind === 'require'
      ? stub(`hermetic-denied-require-${hash}.cjs`, deniedRequireStub(message, debug, realRequest))
      : stub(`hermetic-denied-import-${hash}.mjs`, deniedImportStub(message));
    return { action: 'stub', stubId, warning: debug ? denialWarning(message) : message };
  }

  /**
   * The members of built-in `builtin` that an explicit policy grants `importer` when it grants them
   * one by one (`"fs.readFile": true`), sorted; `undefined` when it grants the whole module (or no
   * explicit policy restricts it).
   */
  private grantedMembers(importer: string, builtin: string): string[] | undefined {
    if (this.explicitPolicy === undefined) return undefined;
    const grants = this.enforced(this.explicitPolicy).resources[importer]?.builtin ?? {};
    if (grants[builtin] === true) return undefined;
    const members = Object.keys(grants).filter((key) => key.startsWith(`${builtin}.`) && grants[key] === true).map((key) => key.slice(builtin.length + 1));
    return members.length === 0 ? undefined : members.sort();
  }

  /** The explicit policy with the override applied, merged once. */
  private enforced(explicit: Policy): Policy {
    return (this.enforcedPolicy ??= mergePolicy(explicit, this.override));
  }

  /** True when requests from module `importerId` are checked ({@link checkRequest}): it runs in a compartment. */
  confines(importerId: string): boolean {
    return this.isCompartmentalized(importerId) || this.isCommonJSCompartmentalized(importerId);
  }

  /**
   * Why a request is refused before it is even resolved, or `undefined`: from a compartmentalized
   * module, a worker (`?worker`, `?sharedworker`) would run the package's code in a realm of its own,
   * with the page's capabilities, which no compartment confines; a URL (`data:`, `blob:`, `http(s):`,
   * `file:`) would load code that is no module of the build (esbuild inlines `data:` modules as written).
   */
  refusedRequest(importerId: string, specifier: string): string | undefined {
    const worker = /[?&](?:worker|sharedworker)(?:[&=]|$)/.test(specifier);
    const url = /^(?:data|blob|https?|file|javascript):/i.test(specifier);
    if ((!worker && !url) || !this.confines(importerId)) return undefined;
    const importerFile = this.fileOf(importerId);
    const who = `Package "${this.attributor.packageOf(importerFile).name}" (${this.attributor.moduleKey(importerFile)})`;
    if (url) {
      return `${who} imports a URL ("${specifier.length > 80 ? `${specifier.slice(0, 80)}…` : specifier}"): code loaded from a URL is no module of ` +
        'the build, so Hermetic cannot compile it into the package\'s compartment. Remove the import, or exclude the package if you trust it.';
    }
    return `${who} imports a worker ("${specifier}"): a worker runs in a realm ` +
      'of its own with the page\'s capabilities, which Hermetic cannot confine yet. Remove the import, or exclude the package if you trust it.';
  }

  /**
   * {@link checkRequest} for a CommonJS `require`: `undefined` when it goes through unchanged, else
   * the stub to wire in its place.
   */
  checkRequire(importerId: string, specifier: string, resolved: ResolvedDependency): DeniedRequire | undefined {
    const checked = this.checkRequest(importerId, specifier, resolved, 'require');
    return checked.action === 'stub' && checked.warning !== undefined ? { stubId: checked.stubId, warning: checked.warning } : undefined;
  }

  /**
   * Why a request for one of Hermetic's virtual modules (`hermetic:…`) from `importer` is refused, or
   * `undefined` when it is allowed: only the code Hermetic itself generates may name them (a package
   * that could import the bootstrap could ask for any package's scope).
   */
  virtualRequestError(source: string, importer: string | undefined, importerIsVirtual: boolean): string | undefined {
    if (importerIsVirtual) return undefined;
    const file = importer === undefined ? undefined : this.fileOfId(importer);
    const pkg = file === undefined ? undefined : this.attributor.packageOf(file);
    const confined = file !== undefined && this.inCompartmentalizedPackage(file) && (pkg!.name !== ROOT_PACKAGE || this.rootRestricted);
    return virtualRequestError(source, {
      packageName: pkg?.name,
      module: file === undefined ? importer ?? '(entry)' : this.attributor.moduleKey(file),
      confined,
      hardened: this.options.hardened === true,
    });
  }

  /** The text of a stub made by {@link checkRequire}; `undefined` for any other id. */
  requireStubSource(id: string): string | undefined {
    return this.requireStubs.get(id);
  }

  private requireTarget(specifier: string, resolved: ResolvedDependency): RequireTarget | undefined {
    if (resolved.external) {
      if (isBuiltin(specifier)) return { kind: 'builtin', name: specifier.replace(/^node:/, '').split('/')[0] };
      if (/^\.{0,2}\//.test(specifier) || specifier.startsWith('\0')) return undefined;
      return { kind: 'package', name: specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0] };
    }
    // Another plugin's virtual module standing for a file (`\0/x/index.js?commonjs-proxy`) is that file's.
    const file = this.fileOfId(resolved.id.replace(/^\0/, ''));
    if (file === undefined) return undefined;
    return { kind: 'package', name: this.attributor.packageOf(file).name };
  }

  /** The denial message when `policy` does not let `importer` reach `target`, else `undefined`. */
  private deniedEdge(importer: string, target: RequireTarget, fromModule: string, specifier: string, how: 'import' | 'require'): string | undefined {
    const granted = this.explicitPolicy === undefined
      ? !overrideRevokesRequire(this.override, importer, target)
      : policyGrantsRequire(this.enforced(this.explicitPolicy), importer, target);
    if (granted) return undefined;
    if (how === 'require') return deniedRequireText(importer, target, fromModule, specifier);
    return target.kind === 'builtin'
      ? deniedBuiltinError(importer, target.name, fromModule).message
      : deniedImportError(importer, target.name, fromModule, specifier).message;
  }

  /**
   * Compiles one ES module of a compartmentalized package (already plain
   * JavaScript: TypeScript and JSX transpiled) in place: the bundler links it
   * as written, while its free references go through its package's scope,
   * bound by an `import` of a scope module put first on line 1. Every import
   * of another package (or built-in) is checked against the policy: a denied
   * static one gets, on an added first line, an import of a deny module that
   * throws the denial before the denied module can run (debug mode: logs it).
   * Dynamic imports and requires are checked where the bundler resolves them
   * ({@link checkRequest}). `preserve` lists member chains a
   * later `define` step replaces (`process.env.NODE_ENV` always is).
   * `sloppyOutput`: the bundler's output drops module strictness (esbuild's
   * IIFE and CommonJS formats), so a function's missing `this` would be the
   * host global; it is mapped to the package's.
   */
  async transform(
    id: string, code: string, resolve: DependencyResolver, preserve: string[] = [], positions: PositionMode = 'map', sloppyOutput = false,
  ): Promise<TransformResult> {
    const file = this.fileOf(id);
    const pkg = this.attributor.packageOf(file);
    const fromModule = this.attributor.moduleKey(file);
    const q = JSON.stringify;
    const chains = [...new Set(['process.env.NODE_ENV', ...preserve])].sort();
    const compiled = await this.compiler.compileModule(id, code, this.sourceMapMode(positions), chains, this.directCalls(), pkg.name, sloppyOutput);
    const imports: string[] = [];
    const builtins: string[] = [];
    const check = (specifier: string, resolved: ResolvedDependency): string | undefined => {
      const target = this.requireTarget(specifier, resolved);
      if (target === undefined || (target.kind === 'package' && target.name === pkg.name)) return undefined;
      (target.kind === 'builtin' ? builtins : imports).push(target.name);
      return this.deniedEdge(pkg.name, target, fromModule, specifier, 'import');
    };
    const warnings = [...compiled.warnings];
    const note = (message: string): void => {
      warnings.push(this.options.debug === true ? denialWarning(message) : message);
    };
    for (const specifier of compiled.imports) {
      const refused = asVirtualId(specifier) === undefined ? undefined : this.virtualRequestError(specifier, id, false);
      if (refused !== undefined) throw new Error(refused);
    }
    // Resolved together: each answer can be a round trip to the bundler, and a build waits on its slowest module.
    const answers = await Promise.all(compiled.imports.map((specifier) => resolve(specifier, false)));
    const denials: string[] = [];
    for (const [index, specifier] of compiled.imports.entries()) {
      const resolved = answers[index];
      if (resolved === null) throw new Error(`${id}: cannot resolve the import "${specifier}" (is the package installed?)`);
      const denial = check(specifier, resolved);
      if (denial !== undefined) {
        denials.push(denial);
        note(denial);
      }
    }
    // By file: a dev server asks for the same module with and without its `?v=` query.
    if (denials.length > 0) this.staticDenials.set(file, denials);
    else this.staticDenials.delete(file);
    this.usages.set(id, { packageName: pkg.name, globals: new Set(compiled.usage.globals), writes: new Set(compiled.usage.writes), imports, builtins });
    let result: { code: string; map?: SourceMapV3; columns?: ColumnMap; lineOffset?: number } = { code: compiled.code, ...positionsOf(compiled) };
    if (denials.length > 0) {
      result = {
        ...result,
        code: `${denials.map((message) => `import ${q(denyModuleId(message))};`).join(' ')}\n${result.code}`,
        ...(result.map === undefined ? {} : { map: { ...result.map, mappings: ';' + result.map.mappings } }),
        ...(result.columns === undefined ? {} : { lineOffset: 1 }),
      };
    }
    return { ...result, warnings };
  }

  /** Forgets a module (watch mode: it changed or was removed). */
  invalidate(id: string): void {
    this.files.delete(id);
    this.usages.delete(id);
    this.staticDenials.delete(this.fileOf(id));
    this.kinds.delete(id);
    this.commonJSKinds.delete(id);
    this.requireEdges.delete(id);
  }

  /** The source of one of Hermetic's virtual modules (bootstrap, lockdown, scope, deny), by id; `undefined` for any other id. */
  virtualModuleSource(id: string): string | undefined {
    const options = { debug: this.options.debug === true, frozenGlobals: this.options.frozenGlobals !== false, hardened: this.options.hardened === true };
    // Served module by module, the bootstrap carries the policy itself: there is no output chunk to append it to.
    return virtualModuleSource(id, this.options.serve === true ? { ...options, policyJson: this.bundledPolicyJson() } : options);
  }

  /** Why a dev server serves the packages unconfined, or `undefined` when it does not. */
  serveWarning(): string | undefined {
    if (this.options.serve !== true || this.explicitPolicy !== undefined) return undefined;
    return `Hermetic: no policy file (${join(this.root, 'hermetic', 'policy.json')}), so the dev server serves every package unconfined. ` +
      'Write one with `hermetic policy <entry>` (or a build with onPolicy) to confine packages in dev as well.';
  }

  /**
   * What goes before an entry module's first line: in hardened mode the import
   * of the lockdown module, so SES hardens the intrinsics before any module
   * runs; otherwise nothing.
   */
  entryPrefix(): string {
    return this.options.hardened === true ? `import ${JSON.stringify(LOCKDOWN_ID)};` : '';
  }

  /**
   * In hardened mode, the error when no output holds SES and the call of its `lockdown()` (the bootstrap
   * imports it before anything else, and so does every entry): `undefined` when one does, or when the
   * build is not hardened. Plugins fail the build with it rather than ship an unhardened bundle.
   */
  missingLockdownError(outputs: string[]): string | undefined {
    // The call, and SES itself (a bundler can drop a side-effect-only import and leave the call to fail).
    if (this.options.hardened !== true || (outputs.some((text) => /\blockdown\s*\(/.test(text)) && outputs.some((text) => text.includes('SES_ALREADY_LOCKED_DOWN')))) return undefined;
    return 'Hermetic: the option hardened is set, but no output file calls SES lockdown(): the bundle would run unhardened. ' +
      'Check that the Hermetic plugin runs on the entry modules and that the ses package is installed.';
  }

  /** The policy generated from the modules transformed so far. */
  generatedPolicy(): Policy {
    const requires: ModuleUsage[] = [...this.requireEdges].map(([id, edges]) => ({
      packageName: this.attributor.packageOf(id).name, globals: [], imports: edges.packages, builtins: edges.builtins,
    }));
    return generatePolicy([...this.usages.values(), ...requires].sort((a, b) => (a.packageName < b.packageName ? -1 : 1)));
  }

  /** The policy the bundle enforces: the explicit (or generated) one with the override applied. */
  finalPolicy(): Policy {
    return mergePolicy(this.explicitPolicy ?? this.generatedPolicy(), this.override);
  }

  /**
   * Warnings about the final policy's grants that are equivalent to granting the host (grant-warnings.ts:
   * DOM nodes and EventTarget APIs reach `window`; `process` and code-running built-ins reach everything).
   * Plugins report them once per build.
   */
  policyWarnings(): string[] {
    return grantWarnings(this.finalPolicy());
  }

  /** {@link finalPolicy} as stable JSON text. */
  finalPolicyJson(): string {
    return formatPolicy(this.finalPolicy());
  }

  /**
   * What the bundle carries of the final policy (bootstrap/bundled-policy.ts):
   * each package's `globals`, compact, and the messages of the denied static
   * imports, which the bootstrap raises before any package's code runs.
   * Imports were checked at build time, so `packages` and `builtin` stay out
   * of the bundle.
   */
  bundledPolicyJson(): string {
    return JSON.stringify(bundlePolicy(this.finalPolicy(), [...new Set([...this.staticDenials.values()].flat())].sort()));
  }
}
