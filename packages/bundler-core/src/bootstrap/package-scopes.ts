/**
 * The start-up code every Hermetic bundle runs (browser-safe, no Node
 * imports). The bundler links the modules itself; what Hermetic adds is
 * that each package's code reads and writes globals only through a scope
 * object over that package's own global, which holds what the policy grants.
 * Modules compiled in place get their scope object from this (see
 * hermetic-build.ts); denied imports were found at build time and reach
 * {@link PackageScopes.denied} before the denied module can run.
 */
import { ROOT_PACKAGE, type Policy } from '../policy-types.js';
import { createPackageGlobal } from './package-global.js';
import type { GrantedNames } from './package-globals.js';
import { HermeticPolicyError, deniedGlobalError, denialWarning } from './denial-messages.js';

/** Options of {@link createPackageScopes}. */
export interface PackageScopesOptions {
  /** The policy's globals, and `denied`: the messages of the bundle's denied static imports. */
  policy: Policy & { denied?: string[] };
  /** Log denials instead of failing. */
  debug?: boolean;
  /** Freeze each package's global (default true): global reads are then free, writes throw. A trusted root's is never frozen. */
  frozenGlobals?: boolean;
  /** The host global object (default `globalThis`). */
  host?: object;
  /** Where debug warnings go (default `console.warn`). */
  warn?: (message: string) => void;
}

/** The names compiled code reads its globals through (`$hg`, `$ht`, `$hy`, `$hw`). */
export interface PackageScope {
  /** The scope object: in sloppy code a write to a name no global has creates it on the package's global. */
  g: object;
  /** The strict scope object: absent names throw on read and on write. */
  t: object;
  /** `typeof` of a global. */
  y(name: string): string;
  /** Maps the host global (a sloppy function's `this` without receiver) to the package's global. */
  w(value: unknown): unknown;
}

/** The bundle-wide state. */
export interface PackageScopes {
  /** The scope of code of `packageName` that uses the free names `names`. */
  scopeOf(packageName: string, names: readonly string[], strict: boolean): PackageScope;
  /** The global object of a package (created on first use). */
  globalOf(packageName: string): object;
  /** A denied import, reached before its target runs: throws the denial, or in debug mode logs it. */
  denied(message: string): void;
  /** A denied `import()`: rejects with the denial, or in debug mode logs it and loads. */
  deniedImport<T>(message: string, load: () => Promise<T>): Promise<T>;
}

interface PackageState {
  global: object;
  /** Undefined for a trusted package: everything the host has is its. */
  granted?: GrantedNames;
}

const notDefined = (name: string): ReferenceError => new ReferenceError(`${name} is not defined`);

/** Creates the scopes of one bundle. */
export function createPackageScopes(options: PackageScopesOptions): PackageScopes {
  const host = options.host ?? globalThis;
  const hostRecord = host as Record<string, unknown>;
  const debug = options.debug === true;
  const frozen = options.frozenGlobals !== false;
  const warn = options.warn ?? ((message: string) => console.warn(message));
  const packages = new Map<string, PackageState>();
  const warned = new Set<string>();

  const warnOnce = (message: string): void => {
    if (warned.has(message)) return;
    warned.add(message);
    warn(denialWarning(message));
  };

  // A denied static import fails the whole bundle before any package's code runs (the bootstrap is
  // the first thing a package module reaches), as a failed link would.
  const denials = options.policy.denied ?? [];
  if (denials.length > 0 && !debug) {
    const more = denials.length > 1 ? ` (and ${denials.length - 1} more denied import${denials.length > 2 ? 's' : ''}: ${denials.slice(1).join(' | ')})` : '';
    throw new HermeticPolicyError(denials[0] + more);
  }
  denials.forEach(warnOnce);

  const stateOf = (packageName: string): PackageState => {
    let state = packages.get(packageName);
    if (state !== undefined) return state;
    const entry = options.policy.resources[packageName];
    if (entry === undefined && packageName === ROOT_PACKAGE) {
      state = { global: host };
    } else {
      const created = createPackageGlobal(host, entry?.globals ?? {});
      if (frozen) Object.freeze(created.global);
      state = created;
    }
    packages.set(packageName, state);
    return state;
  };

  const scopeOf = (packageName: string, names: readonly string[], strict: boolean): PackageScope => {
    const { global, granted } = stateOf(packageName);
    const own = global as Record<string, unknown>;
    const isDenied = (name: string): boolean => granted !== undefined && !granted.has(name) && !(name in global) && name in host;
    const deny = (name: string): boolean => {
      const error = deniedGlobalError(packageName, name);
      if (!debug) throw error;
      warnOnce(error.message);
      return true;
    };
    // A plain object stays in V8's fast mode; every name the code uses is an own property.
    const strictScope: Record<string, unknown> = {};
    const sloppyScope: Record<string, unknown> = {};
    const isFrozen = Object.isFrozen(global);
    for (const name of names) {
      const descriptor = isFrozen ? Reflect.getOwnPropertyDescriptor(global, name) : undefined;
      if (descriptor !== undefined && 'value' in descriptor) {
        // A frozen global's data property cannot change: read it once.
        Object.defineProperty(strictScope, name, { value: descriptor.value, enumerable: true });
      } else {
        Object.defineProperty(strictScope, name, {
          get() {
            const value = own[name];
            if (value !== undefined || name in global) return value;
            if (isDenied(name) && deny(name)) return hostRecord[name];
            throw notDefined(name);
          },
          set(value: unknown) {
            if (!(name in global)) {
              if (isDenied(name) && deny(name)) {
                Reflect.set(host, name, value);
                return;
              }
              throw notDefined(name);
            }
            if (!Reflect.set(global, name, value)) throw new TypeError(`Cannot assign to read only global '${name}' in package "${packageName}"`);
          },
          enumerable: true,
        });
      }
      if (strict) continue;
      // Sloppy code: a write to a name neither the package nor the host has creates it (on a frozen
      // package global the write is ignored, as the engine would); everything else is the strict scope's.
      Object.defineProperty(sloppyScope, name, {
        get: () => strictScope[name],
        set(value: unknown) {
          if (name in global || name in host) strictScope[name] = value;
          else Reflect.set(global, name, value);
        },
        enumerable: true,
      });
    }
    return {
      g: strict ? strictScope : sloppyScope,
      t: strictScope,
      y: (name) => (name in global ? typeof own[name] : debug && isDenied(name) ? typeof hostRecord[name] : 'undefined'),
      // The engine substitutes its realm's global for a sloppy function's missing receiver.
      w: (value) => (value === globalThis || value === host ? global : value),
    };
  };

  return {
    scopeOf,
    globalOf: (packageName) => stateOf(packageName).global,
    denied(message) {
      if (!debug) throw new HermeticPolicyError(message);
      warnOnce(message);
    },
    deniedImport(message, load) {
      if (!debug) return Promise.reject(new HermeticPolicyError(message));
      warnOnce(message);
      return load();
    },
  };
}
