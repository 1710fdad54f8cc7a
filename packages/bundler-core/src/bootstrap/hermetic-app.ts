/**
 * The start-up code every Hermetic bundle runs (browser-safe, no Node
 * imports). Bundled modules call `register` as the bundler evaluates them;
 * once the synchronous part of the bundle has run, the modules nobody imports
 * (the entries) are imported, each package in its own Compartment whose
 * global holds only what the policy grants, and whose imports of other
 * packages are checked against the policy while the graph links.
 */
import type { ModuleRecordShape as ModuleRecord, RecordHandle } from './record-shape.js';
import { ROOT_PACKAGE, type PackagePolicy, type Policy } from '../policy-types.js';
import { addTrustedNames, definePackageGlobals, type GrantedNames } from './package-globals.js';
import { guardRecord } from './guard-record.js';
import { deniedBuiltinError, deniedImportError, denialWarning } from './denial-messages.js';

/** A dependency of a registered module: `[module key, package name]`. */
export type DependencyTarget = [key: string, packageName: string];

/** Extra facts a registration may carry. */
export interface RegistrationExtras {
  /** Namespaces of dependencies that run outside compartments (CommonJS, virtual, built-in modules), by key. */
  host?: Record<string, object>;
  /** Loaders of dynamic-import targets that live in other chunks, by key. */
  dynamic?: Record<string, () => Promise<unknown>>;
}

interface CompartmentLike {
  readonly globalThis: object;
  import(specifier: string): Promise<object>;
  importNow(specifier: string): object;
}

interface CompartmentOptions {
  name: string;
  resolveHook(specifier: string, referrer: string): string;
  importHook(specifier: string): Promise<object>;
  importNowHook(specifier: string): object;
}

/** Options of {@link createHermeticApp}. */
export interface HermeticAppOptions {
  Compartment: new (options: CompartmentOptions) => CompartmentLike;
  ModuleSource: new (record: ModuleRecord) => object;
  policy: Policy;
  /** Log denials instead of failing. */
  debug?: boolean;
  /** Freeze each package's global (default true): global reads are then free, writes throw. A trusted root's is never frozen. */
  frozenGlobals?: boolean;
  /** The host global object (default `globalThis`). */
  host?: object;
  /** Where debug warnings go (default `console.warn`). */
  warn?: (message: string) => void;
  /** Called with every start-up failure (default: rethrown as an unhandled rejection). */
  onError?: (error: unknown) => void;
}

interface Registration {
  key: string;
  packageName: string;
  record: ModuleRecord;
  deps: Record<string, DependencyTarget>;
}

interface PackageCompartment {
  compartment: CompartmentLike;
  granted: GrantedNames;
  policy: PackagePolicy | 'trusted';
}

/** The bundle-wide registry. */
export interface HermeticApp {
  /** Called by each bundled module as it is evaluated. */
  register(key: string, packageName: string, record: ModuleRecord, deps: Record<string, DependencyTarget>, extras?: RegistrationExtras): void;
  /** Settles when every entry imported so far has finished (rejects with the first failure). */
  whenIdle(): Promise<void>;
  /**
   * Links and runs an entry module synchronously and returns its namespace
   * (library bundles re-export it). Everything it imports statically must be
   * registered already, which the bundle's evaluation order guarantees.
   */
  startNow(key: string): object;
  /** The compartment of a package (created on first use). */
  compartmentOf(packageName: string): CompartmentLike;
  /**
   * The global scope of a CommonJS module of `packageName` that uses
   * `globals` (compileCommonJS's prelude calls this when the module body first
   * runs): what a module record's `$h.g`/`$h.y` would be in that package's
   * compartment, denials included.
   */
  scopeOf(packageName: string, globals: string[], strict: boolean): CommonJSScope;
}

/** The names a CommonJS body compiled by compileCommonJS reads its globals through. */
export interface CommonJSScope {
  /** The scope object: in sloppy code a write to a name no global has creates it on the package's global. */
  g: object;
  /** The strict scope object (absent names throw on write). */
  t: object;
  /** `typeof` of a global. */
  y(name: string): string;
  /** Maps the host global (a sloppy function's `this` without receiver) to the package's global. */
  w(value: unknown): unknown;
}

const BUILTIN_PREFIX = 'builtin:';
const isHostKey = (key: string): boolean => key.startsWith(BUILTIN_PREFIX) || key.startsWith('host:');

/** Creates the registry and linker for one bundle. */
export function createHermeticApp(options: HermeticAppOptions): HermeticApp {
  const { Compartment, ModuleSource, policy } = options;
  const host = options.host ?? globalThis;
  const debug = options.debug === true;
  const frozen = options.frozenGlobals !== false;
  const warn = options.warn ?? ((message: string) => console.warn(message));
  const registry = new Map<string, Registration>();
  const hostNamespaces = new Map<string, object>();
  const loaders = new Map<string, () => Promise<unknown>>();
  const staticallyImported = new Set<string>();
  const started = new Set<string>();
  const compartments = new Map<string, PackageCompartment>();
  let flushQueued = false;
  let scopeCount = 0;
  let pending: Array<Promise<unknown>> = [];

  const policyOf = (packageName: string): PackagePolicy | 'trusted' => {
    const entry = policy.resources[packageName];
    if (entry === undefined && packageName === ROOT_PACKAGE) return 'trusted';
    return entry ?? {};
  };

  const isDenied = (pkg: PackageCompartment, name: string): boolean =>
    pkg.policy !== 'trusted' && !pkg.granted.has(name) && !(name in pkg.compartment.globalThis) && name in host;

  const checkImport = (importer: string, target: DependencyTarget, fromKey: string, specifier: string): void => {
    const [key, imported] = target;
    if (imported === importer) return;
    const importerPolicy = policyOf(importer);
    if (importerPolicy === 'trusted') return;
    if (key.startsWith(BUILTIN_PREFIX)) {
      const builtin = imported;
      const grants = importerPolicy.builtin ?? {};
      const allowed = grants[builtin] === true || Object.keys(grants).some((k) => k.startsWith(builtin + '.') && grants[k]);
      if (allowed) return;
      const error = deniedBuiltinError(importer, builtin, fromKey);
      if (!debug) throw error;
      warn(denialWarning(error.message));
      return;
    }
    if (importerPolicy.packages?.[imported] === true) return;
    const error = deniedImportError(importer, imported, fromKey, specifier);
    if (!debug) throw error;
    warn(denialWarning(error.message));
  };

  const compartmentOf = (packageName: string): CompartmentLike => {
    let pkg = compartments.get(packageName);
    if (pkg !== undefined) return pkg.compartment;
    const packagePolicy = policyOf(packageName);
    const describe = (key: string, registration: Registration | undefined): object => {
      if (registration === undefined) throw new Error(`The module ${key} is not part of this bundle.`);
      if (registration.packageName !== packageName) {
        return { namespace: key, compartment: compartmentOf(registration.packageName) };
      }
      const own = compartments.get(packageName)!;
      if (own.policy === 'trusted') {
        addTrustedNames(own.compartment.globalThis, registration.record.globals ?? []);
        return { source: new ModuleSource(registration.record) };
      }
      const denied = new Set((registration.record.globals ?? []).filter((name: string) => isDenied(own, name)));
      const record = denied.size === 0
        ? registration.record
        : guardRecord(registration.record, { packageName, denied, debug, host, warn });
      return { source: new ModuleSource(record) };
    };
    const compartment = new Compartment({
      name: packageName,
      resolveHook(specifier: string, referrer: string): string {
        const registration = registry.get(referrer);
        const target = registration?.deps[specifier];
        if (target === undefined) {
          throw new Error(`${referrer} imports "${specifier}", which is not part of this bundle (it was not resolved at build time).`);
        }
        checkImport(packageName, target, referrer, specifier);
        return target[0];
      },
      importNowHook(key: string): object {
        const hostNamespace = hostNamespaces.get(key);
        if (hostNamespace !== undefined) return { namespace: hostNamespace };
        return describe(key, registry.get(key));
      },
      async importHook(key: string): Promise<object> {
        const hostNamespace = hostNamespaces.get(key);
        if (hostNamespace !== undefined) return { namespace: hostNamespace };
        let registration = registry.get(key);
        if (registration === undefined) {
          const load = loaders.get(key);
          if (load !== undefined) {
            const loaded = await load();
            // A dynamic import of a host module (CommonJS, built-in): its namespace is the answer.
            if (isHostKey(key)) {
              hostNamespaces.set(key, loaded as object);
              return { namespace: loaded as object };
            }
            registration = registry.get(key);
          }
        }
        return describe(key, registration);
      },
    });
    const granted = definePackageGlobals(
      compartment.globalThis,
      host,
      packagePolicy === 'trusted' ? 'all' : packagePolicy.globals ?? {},
    );
    if (frozen && packagePolicy !== 'trusted') Object.freeze(compartment.globalThis);
    pkg = { compartment, granted, policy: packagePolicy };
    compartments.set(packageName, pkg);
    return compartment;
  };

  const report = options.onError ?? ((error: unknown) => {
    // Surface it like an uncaught module error: a page error in browsers, a crash in Node.
    void Promise.reject(error);
  });

  const flush = (): void => {
    flushQueued = false;
    for (const [key, registration] of registry) {
      if (started.has(key) || staticallyImported.has(key) || loaders.has(key)) continue;
      started.add(key);
      const run = compartmentOf(registration.packageName).import(key);
      pending.push(run);
      run.catch(report);
    }
  };

  return {
    register(key, packageName, record, deps, extras = {}) {
      registry.set(key, { key, packageName, record, deps });
      for (const target of Object.values(deps)) staticallyImported.add(target[0]);
      for (const [hostKey, namespace] of Object.entries(extras.host ?? {})) hostNamespaces.set(hostKey, namespace);
      for (const [dynamicKey, load] of Object.entries(extras.dynamic ?? {})) {
        if (!loaders.has(dynamicKey)) loaders.set(dynamicKey, load);
      }
      if (!flushQueued) {
        flushQueued = true;
        queueMicrotask(flush);
      }
    },
    async whenIdle() {
      while (pending.length > 0) {
        const current = pending;
        pending = [];
        await Promise.all(current);
      }
    },
    startNow(key) {
      const registration = registry.get(key);
      if (registration === undefined) throw new Error(`The module ${key} is not part of this bundle.`);
      started.add(key);
      return compartmentOf(registration.packageName).importNow(key);
    },
    compartmentOf,
    scopeOf(packageName, globals, strict) {
      const compartment = compartmentOf(packageName);
      const own = compartment.globalThis;
      // A one-module record run in the compartment hands over its handle: the runtime's own scope
      // object for these names, wrapped by the policy's denials exactly as a record of the package is.
      let handle: RecordHandle | undefined;
      const key = `hermetic:scope:${scopeCount++}`;
      const record: ModuleRecord = {
        format: 1,
        bindings: [],
        globals,
        functor: function* (h: RecordHandle) {
          handle = h;
          yield [[], {}, []];
        },
      };
      registry.set(key, { key, packageName, record, deps: {} });
      started.add(key);
      try {
        compartment.importNow(key);
      } finally {
        registry.delete(key);
      }
      const { g: strictScope, y } = handle!;
      // The engine substitutes its realm's global for a sloppy function's missing receiver.
      const w = (value: unknown): unknown => (value === globalThis || value === host ? own : value);
      if (strict) return { g: strictScope, t: strictScope, y, w };
      // Sloppy code: a write to a name neither the package nor the host has creates it (on a frozen
      // package global the write is ignored, as the engine would); everything else is the strict scope's.
      const sloppyScope: object = {};
      const strictRecord = strictScope as Record<string, unknown>;
      for (const name of globals) {
        Object.defineProperty(sloppyScope, name, {
          get: () => strictRecord[name],
          set(value: unknown) {
            if (name in own || name in host) strictRecord[name] = value;
            else Reflect.set(own, name, value);
          },
          enumerable: true,
        });
      }
      return { g: sloppyScope, t: strictScope, y, w };
    },
  };
}
