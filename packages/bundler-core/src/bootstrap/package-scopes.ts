/**
 * The start-up code every Hermetic bundle runs (browser-safe, no Node
 * imports). The bundler links the modules itself; what Hermetic adds is
 * that each package's code reads and writes globals only through a scope
 * object over that package's own global, which holds what the policy grants.
 * Modules compiled in place get their scope object from this (see
 * hermetic-build.ts); denied imports were found at build time and reach
 * {@link PackageScopes.denied} before the denied module can run.
 */
import { ROOT_PACKAGE } from '../policy-types.js';
import type { BundledPolicy } from './bundled-policy.js';
import { createPackageGlobal } from './package-global.js';
import type { GrantedNames } from './package-globals.js';
import { HermeticPolicyError, deniedGlobalError, denialWarning } from './denial-messages.js';

/** Options of {@link createPackageScopes}. */
export interface PackageScopesOptions {
  /** The policy's globals, and `denied`: the messages of the bundle's denied static imports (bundled-policy.ts). */
  policy: BundledPolicy;
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
  /** The scope of `packageName`'s strict or sloppy code (one of each per package). */
  scopeOf(packageName: string, strict: boolean): PackageScope;
  /** A denied import, reached before its target runs: throws the denial, or in debug mode logs it. */
  denied(message: string): void;
  /** A denied `import()`: rejects with the denial, or in debug mode logs it and loads. */
  deniedImport<T>(message: string, load: () => Promise<T>): Promise<T>;
}

interface PackageState {
  global: object;
  /** Undefined for a trusted package: everything the host has is its. */
  granted?: GrantedNames;
  /** Made on first use. */
  scopes?: { strict: PackageScope; sloppy: PackageScope };
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

  const scopesOf = (packageName: string): PackageState['scopes'] & object => {
    const state = stateOf(packageName);
    if (state.scopes !== undefined) return state.scopes;
    const { global, granted } = state;
    const own = global as Record<string, unknown>;
    const isDenied = (name: string): boolean => granted !== undefined && !granted.has(name) && !(name in global) && name in host;
    const deny = (name: string): boolean => {
      const error = deniedGlobalError(packageName, name);
      if (!debug) throw error;
      warnOnce(error.message);
      return true;
    };
    const read = (name: string): unknown => {
      const value = own[name];
      if (value !== undefined || name in global) return value;
      if (isDenied(name) && deny(name)) return hostRecord[name];
      throw notDefined(name);
    };
    const writeStrict = (name: string, value: unknown): void => {
      if (!(name in global)) {
        if (isDenied(name) && deny(name)) {
          Reflect.set(host, name, value);
          return;
        }
        throw notDefined(name);
      }
      if (!Reflect.set(global, name, value)) throw new TypeError(`Cannot assign to read only global '${name}' in package "${packageName}"`);
    };
    // Sloppy code: a write to a name neither the package nor the host has creates it (on a frozen
    // package global the write is ignored, as the engine would); everything else is the strict scope's.
    const writeSloppy = (name: string, value: unknown): void => {
      if (name in global || name in host) writeStrict(name, value);
      else Reflect.set(global, name, value);
    };
    // Every name the global has when the scope is made is an own property of the scope (a frozen global's
    // data properties read once, the rest live), so the code's global reads are plain property reads. Any
    // other name (absent, denied, or created later) reaches the prototype, which resolves it as the
    // global environment would: one scope per package, whatever names its modules use.
    const scopeWith = (write: (name: string, value: unknown) => void): Record<string, unknown> => {
      const scope = Object.create(new Proxy({}, {
        get: (_target, name) => (typeof name === 'string' ? read(name) : undefined),
        set: (_target, name, value) => {
          if (typeof name === 'string') write(name, value);
          return true;
        },
      })) as Record<string, unknown>;
      const isFrozen = Object.isFrozen(global);
      // (A trusted root's global is the host's: its thousand names are left to the prototype.)
      if (global !== host) {
        for (const name of Object.getOwnPropertyNames(global)) {
          const descriptor = isFrozen ? Reflect.getOwnPropertyDescriptor(global, name) : undefined;
          Object.defineProperty(scope, name, descriptor !== undefined && 'value' in descriptor
            ? { value: descriptor.value, enumerable: true }
            : { get: () => read(name), set: (value: unknown) => write(name, value), enumerable: true });
        }
      }
      return scope;
    };
    const y = (name: string): string => (name in global ? typeof own[name] : debug && isDenied(name) ? typeof hostRecord[name] : 'undefined');
    // The engine substitutes its realm's global for a sloppy function's missing receiver.
    const w = (value: unknown): unknown => (value === globalThis || value === host ? global : value);
    const t = scopeWith(writeStrict);
    state.scopes = { strict: { g: t, t, y, w }, sloppy: { g: scopeWith(writeSloppy), t, y, w } };
    return state.scopes;
  };

  const scopeOf = (packageName: string, strict: boolean): PackageScope => scopesOf(packageName)[strict ? 'strict' : 'sloppy'];

  return {
    scopeOf,
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
