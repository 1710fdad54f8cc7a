/**
 * One build's worth of Hermetic state, shared by every bundler adapter:
 * decides which modules become records, compiles and emits them, collects
 * what the policy generator needs, and produces the bootstrap and the final
 * policy.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, resolve as resolvePath } from 'node:path';
import type { Binding, SourceMapV3 } from '@hermetic/module-source';
import { CompileCache } from './compile-cache.js';
import { PackageAttributor } from './package-attribution.js';
import { isEsModule, isScriptFile } from './module-kind.js';
import { BOOTSTRAP_ID, emitRegistration, type EmittedDependency } from './record-emission.js';
import { ROOT_PACKAGE } from './policy-types.js';
import { bootstrapSource, lockdownSource } from './bootstrap-source.js';
import { generatePolicy, type ModuleUsage } from './generate-policy.js';
import { mergePolicy } from './merge-policy.js';
import { resolvePolicyInput, type PolicyInput } from './load-policy.js';
import { formatPolicy } from './sort-policy.js';
import { findRuntimePaths, type RuntimePaths } from './runtime-paths.js';
import type { Policy } from './policy-types.js';
import {
  deniedRequireStub, deniedRequireText, overrideRevokesRequire, policyGrantsRequire, type RequireTarget,
} from './require-policy.js';
import { denialWarning } from './bootstrap/denial-messages.js';

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
  /** Emit source maps for the records (default true). */
  sourceMap?: boolean;
  /** Packages (canonical or package.json names) to leave outside compartments. */
  exclude?: string[];
  /**
   * The persistent compile cache (content-addressed). Default:
   * `node_modules/.cache/hermetic` in the nearest directory (from the root up) that has
   * node_modules; `false` turns it off.
   */
  cacheDir?: string | false;
}

/** A dependency as the bundler resolved it. */
export interface ResolvedDependency {
  /** The resolved id (an absolute path for files). */
  id: string;
  external: boolean;
}

/** Resolves `specifier` from the module being transformed; `null` when it cannot. */
export type DependencyResolver = (specifier: string, dynamic: boolean) => Promise<ResolvedDependency | null>;

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
  warnings: string[];
}

const OWN_PACKAGES = /^(@hermetic\/|ses$|@endo\/)/;
const DYNAMIC_IMPORT = /\bimport\s*\(\s*(["'])([^"'\n]+)\1\s*[,)]/g;
const GLOBAL_MEMBER = /(?<![.\w$])(?:window|self|globalThis)\s*\.\s*([A-Za-z_$][\w$]*)/g;
// An assignment (`=`, `+=`, `??=`, … but not `==`) to a member of the compiled global scope
// object (`$hg.x = …`, whatever prefix the compiler chose) or of a global alias (`window.x = …`).
const ASSIGNED = String.raw`\s*(?:\*\*|<<|>>>?|&&|\|\||\?\?|[-+*/%&|^])?=(?!=)`;
const SCOPE_WRITE = new RegExp(String.raw`\$h\d*[gt]\.([A-Za-z_$][\w$]*)` + ASSIGNED, 'g');
const SCOPE_UPDATE = /(?:\+\+|--)\s*\$h\d*[gt]\.([A-Za-z_$][\w$]*)|\$h\d*[gt]\.([A-Za-z_$][\w$]*)\s*(?:\+\+|--)/g;
const ALIAS_WRITE = new RegExp(String.raw`(?<![.\w$])(?:window|self|globalThis)\s*\.\s*([A-Za-z_$][\w$]*)` + ASSIGNED, 'g');
const ALIAS_UPDATE = /(?:\+\+|--)\s*(?:window|self|globalThis)\s*\.\s*([A-Za-z_$][\w$]*)|(?<![.\w$])(?:window|self|globalThis)\s*\.\s*([A-Za-z_$][\w$]*)\s*(?:\+\+|--)/g;
const builtinNames = new Set(builtinModules);

function isBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || builtinNames.has(specifier) || builtinNames.has(specifier.split('/')[0]);
}

function moduleRequests(bindings: Binding[]): Array<{ specifier: string; attributes?: Record<string, string> }> {
  const requests = new Map<string, Record<string, string> | undefined>();
  for (const binding of bindings) {
    const b = binding as { from?: string; importAllFrom?: string; exportAllFrom?: string; importFrom?: string; attributes?: Record<string, string> };
    const specifier = b.from ?? b.importAllFrom ?? b.exportAllFrom ?? b.importFrom;
    if (specifier !== undefined && !requests.has(specifier)) requests.set(specifier, b.attributes);
  }
  return [...requests].map(([specifier, attributes]) => (attributes === undefined ? { specifier } : { specifier, attributes }));
}

/** `<dir>/node_modules/.cache/hermetic` for the nearest ancestor of `root` that has node_modules. */
function nearestNodeModules(root: string): string | undefined {
  for (let dir = root; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'node_modules'))) return join(dir, 'node_modules', '.cache', 'hermetic');
    if (dirname(dir) === dir) return undefined;
  }
}

/** The export names a module's bindings declare (`export *` without `as` cannot be listed). */
function exportNames(bindings: Binding[]): string[] {
  const names: string[] = [];
  for (const binding of bindings) {
    const b = binding as { export?: string; exportAllFrom?: string; as?: string };
    if (b.export !== undefined) names.push(b.as ?? b.export);
    else if (b.exportAllFrom !== undefined && b.as !== undefined) names.push(b.as);
  }
  return [...new Set(names)];
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
  private enforcedPolicy: Policy | undefined;

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
  }

  /** Paths of the built runtime and bootstrap (resolved once). */
  runtimePaths(): RuntimePaths {
    return (this.runtime ??= findRuntimePaths(this.root, this.options.hardened === true));
  }

  /** True when the module `id` becomes a record in its package's compartment (cached per id). */
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
      answer = this.inCompartmentalizedPackage(id) && this.attributor.packageOf(id).name !== ROOT_PACKAGE && !this.isCompartmentalized(id, code);
      this.commonJSKinds.set(id, answer);
    }
    return answer;
  }

  private inCompartmentalizedPackage(id: string): boolean {
    if (id.startsWith('\0') || id.includes('?') || !isScriptFile(id) || !existsSync(id)) return false;
    const pkg = this.attributor.packageOf(id);
    return !(OWN_PACKAGES.test(pkg.packageJsonName) || this.excluded.has(pkg.name) || this.excluded.has(pkg.packageJsonName));
  }

  private decide(id: string, code: string | undefined): boolean {
    if (!this.inCompartmentalizedPackage(id)) return false;
    return isEsModule(id, this.attributor.packageOf(id).type, code);
  }

  /** What a module's compiled text and source tell the policy generator about its globals. */
  private globalUsage(code: string, compiledCode: string, compiledGlobals: readonly string[]): { globals: Set<string>; writes: Set<string> } {
    const globals = new Set(compiledGlobals);
    if (compiledGlobals.some((name) => name === 'window' || name === 'self' || name === 'globalThis')) {
      for (const match of code.matchAll(GLOBAL_MEMBER)) globals.add(match[1]);
    }
    const writes = new Set<string>();
    for (const match of compiledCode.matchAll(SCOPE_WRITE)) if (globals.has(match[1])) writes.add(match[1]);
    for (const match of compiledCode.matchAll(SCOPE_UPDATE)) {
      const name = match[1] ?? match[2];
      if (globals.has(name)) writes.add(name);
    }
    for (const match of code.matchAll(ALIAS_WRITE)) writes.add(match[1]);
    for (const match of code.matchAll(ALIAS_UPDATE)) writes.add(match[1] ?? match[2]);
    return { globals, writes };
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
  async transformCommonJS(id: string, code: string, preserve: string[] = []): Promise<TransformResult> {
    const pkg = this.attributor.packageOf(id);
    const q = JSON.stringify;
    const chains = [...new Set(['process.env.NODE_ENV', ...preserve])].sort();
    const compiled = await this.compiler.compileCommonJS(id, code, this.options.sourceMap !== false, chains, pkg.name, ({ prefix, globals, strict, uses }) => {
      if (uses.length === 0) return '';
      const scope = `${prefix}s`;
      const members = uses.map((member) => `${prefix}${member}=${scope}.${member}`).join(',');
      return `var ${scope}=require(${q(BOOTSTRAP_ID)}).scopeOf(${q(pkg.name)},${q(globals)},${strict}),${members};`;
    });
    const { globals, writes } = this.globalUsage(code, compiled.code, compiled.globals);
    this.usages.set(id, { packageName: pkg.name, globals, writes, imports: [], builtins: [] });
    return compiled.map === undefined ? { code: compiled.code, warnings: compiled.warnings } : { code: compiled.code, map: compiled.map, warnings: compiled.warnings };
  }

  /**
   * Checks a CommonJS `require` of `specifier`, resolved by the bundler to
   * `resolved`, from the module `importerId` against the policy (explicit
   * `policy` with `policyOverride`; without an explicit policy the generated
   * one grants every edge, so only an override can revoke one). Applies when
   * the importer is compartmentalized CommonJS ({@link isCommonJSCompartmentalized})
   * and the target is a module of another package or a host built-in.
   * Records the edge for the generated policy. Returns `undefined` when the
   * require goes through unchanged, else the stub to wire in its place: it
   * throws the denial when required, or with `debug` logs it and exports the
   * real module.
   */
  checkRequire(importerId: string, specifier: string, resolved: ResolvedDependency): DeniedRequire | undefined {
    if (!this.isCommonJSCompartmentalized(importerId)) return undefined;
    const importer = this.attributor.packageOf(importerId).name;
    const target = this.requireTarget(specifier, resolved);
    if (target === undefined || (target.kind === 'package' && target.name === importer)) return undefined;
    let edges = this.requireEdges.get(importerId);
    if (edges === undefined) this.requireEdges.set(importerId, (edges = { packages: new Set(), builtins: new Set() }));
    (target.kind === 'builtin' ? edges.builtins : edges.packages).add(target.name);
    const granted = this.explicitPolicy === undefined
      ? !overrideRevokesRequire(this.override, importer, target)
      : policyGrantsRequire((this.enforcedPolicy ??= mergePolicy(this.explicitPolicy, this.override)), importer, target);
    if (granted) return undefined;
    const message = deniedRequireText(importer, target, this.attributor.moduleKey(importerId), specifier);
    const debug = this.options.debug === true;
    const realRequest = resolved.external ? specifier : resolved.id;
    const hash = createHash('sha256').update(`${importerId}\0${specifier}\0${realRequest}\0${debug}`).digest('hex').slice(0, 16);
    const stubId = join(dirname(importerId), `hermetic-denied-require-${hash}.cjs`);
    this.requireStubs.set(stubId, deniedRequireStub(message, debug, realRequest));
    return { stubId, warning: debug ? denialWarning(message) : message };
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
    const file = resolved.id.split('?')[0];
    if (resolved.id.startsWith('\0') || !existsSync(file)) return undefined;
    return { kind: 'package', name: this.attributor.packageOf(file).name };
  }

  private describeDependency(specifier: string, resolved: ResolvedDependency, importerPackage: string, dynamic: boolean, attributes?: Record<string, string>): EmittedDependency {
    const base = { specifier, dynamic, ...(attributes === undefined ? {} : { attributes }) };
    if (resolved.external) {
      if (isBuiltin(specifier)) {
        const name = specifier.replace(/^node:/, '').split('/')[0];
        return { ...base, key: `builtin:${specifier.replace(/^node:/, '')}`, packageName: name, kind: 'host' };
      }
      const bare = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
      return { ...base, key: `host:${specifier}`, packageName: bare, kind: 'host' };
    }
    const isFile = !resolved.id.startsWith('\0') && existsSync(resolved.id.split('?')[0]);
    const packageName = isFile ? this.attributor.packageOf(resolved.id.split('?')[0]).name : importerPackage;
    if (this.isCompartmentalized(resolved.id)) {
      return { ...base, key: this.attributor.moduleKey(resolved.id), packageName, kind: 'record' };
    }
    const key = isFile ? this.attributor.moduleKey(resolved.id.split('?')[0]) + (resolved.id.includes('?') ? '?' + resolved.id.split('?')[1] : '') : resolved.id.replace(/^\0/, '');
    return { ...base, key: `host:${key}`, packageName, kind: 'host' };
  }

  /**
   * Turns one ES module (already plain JavaScript: TypeScript and JSX
   * transpiled) into its registration text.
   */
  async transform(id: string, code: string, resolve: DependencyResolver, context: { isEntry?: boolean } = {}): Promise<TransformResult> {
    const pkg = this.attributor.packageOf(id);
    const key = this.attributor.moduleKey(id);
    const compiled = await this.compiler.compile(id, code, this.options.sourceMap !== false);
    const dependencies: EmittedDependency[] = [];
    const builtins: string[] = [];
    // Resolved together: each answer can be a round trip to the bundler, and a build waits on its slowest module.
    const requests = moduleRequests(compiled.bindings);
    const answers = await Promise.all(requests.map(({ specifier }) => resolve(specifier, false)));
    for (const [index, { specifier, attributes }] of requests.entries()) {
      const resolved = answers[index];
      if (resolved === null) {
        throw new Error(`${id}: cannot resolve the import "${specifier}" (is the package installed?)`);
      }
      dependencies.push(this.describeDependency(specifier, resolved, pkg.name, false, attributes));
    }
    if (compiled.needsImport) {
      const specifiers = [...new Set(Array.from(code.matchAll(DYNAMIC_IMPORT), (match) => match[2]))];
      const answers = await Promise.all(specifiers.map((specifier) => resolve(specifier, true)));
      for (const [index, specifier] of specifiers.entries()) {
        const resolved = answers[index];
        if (resolved !== null) dependencies.push(this.describeDependency(specifier, resolved, pkg.name, true));
      }
    }
    for (const dependency of dependencies) if (dependency.key.startsWith('builtin:')) builtins.push(dependency.packageName);
    const { globals, writes } = this.globalUsage(code, compiled.code, compiled.globals);
    this.usages.set(id, {
      packageName: pkg.name,
      globals,
      writes,
      imports: dependencies.filter((d) => !d.key.startsWith('builtin:')).map((d) => d.packageName),
      builtins,
    });
    const warnings = [...compiled.warnings];
    let entryExports: string[] | undefined;
    if (context.isEntry === true && !compiled.hasTopLevelAwait) {
      entryExports = exportNames(compiled.bindings);
      if (entryExports.length === 0) entryExports = undefined;
      if (compiled.bindings.some((b) => 'exportAllFrom' in b && (b as { as?: string }).as === undefined)) {
        warnings.push(`${id}: \`export * from\` in an entry module is not re-exported by the bundle; list the names instead.`);
      }
    }
    const emitted = emitRegistration({
      ...(entryExports === undefined ? {} : { entryExports }),
      key,
      packageName: pkg.name,
      recordCode: compiled.code,
      ...(compiled.map === undefined ? {} : { recordMap: compiled.map }),
      dependencies,
    });
    return { ...emitted, warnings };
  }

  /** Forgets a module (watch mode: it changed or was removed). */
  invalidate(id: string): void {
    this.usages.delete(id);
    this.kinds.delete(id);
    this.commonJSKinds.delete(id);
    this.requireEdges.delete(id);
  }

  /** The bootstrap module's source. */
  bootstrapSource(): string {
    return bootstrapSource({
      debug: this.options.debug === true,
      hardened: this.options.hardened === true,
      frozenGlobals: this.options.frozenGlobals !== false,
    });
  }

  /** The hardening module's source. */
  lockdownSource(): string {
    return lockdownSource();
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

  /** {@link finalPolicy} as stable JSON text. */
  finalPolicyJson(): string {
    return formatPolicy(this.finalPolicy());
  }
}
