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
import { createPackageGlobal, intrinsicDescriptors } from './package-global.js';
import { grantTree, type GrantTree } from './package-globals.js';
import { HermeticPolicyError, computedImportMessage, deniedGlobalError, denialWarning } from './denial-messages.js';
import {
  ProxyConstructor, ReferenceErrorConstructor, TypeErrorConstructor, accessor, bare, constant, create, defineProperty, freeze,
  getOwnPropertyDescriptor, getOwnPropertyNames, hasOwn, reflectSet, rejected, safeGet,
} from './captured.js';

/** Options of {@link createPackageScopes}. */
export interface PackageScopesOptions {
  /** The policy's globals, `denied`: the messages of the bundle's denied static imports, and `failure`: the one it fails with (bundled-policy.ts). */
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

/**
 * The names compiled code reads its globals through (`$hg`, `$ht`, `$hy`,
 * `$hw`, `$hd`): separate members, never globals of `g`/`t`. One strict and
 * one sloppy scope per package; the sloppy one's `g` is what sloppy code
 * (sloppy CommonJS included) reads and writes its globals through. Frozen.
 */
export interface PackageScope {
  /** The scope object: in sloppy code a write to a name no global has creates it on the package's global. */
  g: object;
  /** The strict scope object: absent names throw on read and on write. */
  t: object;
  /** `typeof` of a global. */
  y(name: string): string;
  /** Maps the host global (a sloppy function's `this` without receiver) to the package's global. */
  w(value: unknown): unknown;
  /**
   * An `import(specifier)` at `where` (`file:line:col`) that the bundler left to the host's loader (a
   * computed specifier, or options it cannot read): always a promise rejected with a
   * {@link HermeticPolicyError}, as no policy can check it (debug mode logs it too).
   */
  d(specifier: unknown, where: string): Promise<never>;
}

/** The bundle-wide state. */
export interface PackageScopes {
  /**
   * The scope of `packageName`'s strict or sloppy code (one of each per package). Throws for the trusted
   * root (`$root$` without a policy entry), whose code is never compiled: only an attacker would ask.
   */
  scopeOf(packageName: string, strict: boolean): PackageScope;
  /** A denied import, reached before its target runs: throws the denial, or in debug mode logs it. */
  denied(message: string): void;
}

const notDefined = (name: string): ReferenceError => new ReferenceErrorConstructor(`${name} is not defined`);

/**
 * Creates the scopes of one bundle. Call it before any package code runs (the bootstrap module does): it
 * reads the policy, the options and the host's intrinsics now, and every function it returns uses only
 * intrinsics captured before then (captured.ts), since a package may have replaced any shared one since.
 */
export function createPackageScopes(options: PackageScopesOptions): PackageScopes {
  const host = options.host ?? globalThis;
  const realGlobal = globalThis;
  const debug = options.debug === true;
  const frozen = options.frozenGlobals !== false;
  // Bound now: a package may replace console.warn later.
  const warn = options.warn ?? console.warn.bind(console);
  // Per package, made on first use: its sloppy and strict scopes, in that order.
  const packages = create(null) as Record<string, PackageScope[]>;
  const warned = create(null) as Record<string, true>;
  const intrinsics = intrinsicDescriptors(host);
  const trees = create(null) as Record<string, GrantTree>;
  const resources = options.policy.resources;
  for (const name of Object.keys(resources)) trees[name] = grantTree(resources[name].globals ?? {});
  const noGrants = grantTree({});

  const logOnce = (message: string): void => {
    if (warned[message] === true) return;
    warned[message] = true;
    warn(message);
  };
  const warnOnce = (message: string): void => logOnce(denialWarning(message));
  // A denial: thrown, or in debug mode logged once and let through.
  const refuse = (error: Error): void => {
    if (!debug) throw error;
    warnOnce(error.message);
  };

  // A denied static import fails the whole bundle before any package's code runs (the bootstrap is
  // the first thing a package module reaches), as a failed link would.
  const denials = options.policy.denied ?? [];
  if (denials.length > 0 && !debug) throw new HermeticPolicyError(options.policy.failure ?? denials[0]);
  denials.forEach(warnOnce);

  const scopesOf = (packageName: string): PackageScope[] => {
    const made = packages[packageName];
    if (made !== undefined) return made;
    const tree = trees[packageName];
    if (tree === undefined && packageName === ROOT_PACKAGE) {
      throw new HermeticPolicyError(`No scope for "${ROOT_PACKAGE}": the application is trusted (no policy entry).`);
    }
    const global = createPackageGlobal(host, tree ?? noGrants, intrinsics) as Record<string, unknown>;
    if (frozen) freeze(global);
    // A name the global lacks and the host has is denied: every name the policy grants is a non-configurable
    // property of the global. Throws, or in debug mode logs and returns true (the host's value is used).
    const denied = (name: string): boolean => {
      if (!(name in host)) return false;
      refuse(deniedGlobalError(packageName, name));
      return true;
    };
    // A name the global inherits is read without handing the global to a getter on Object.prototype.
    const valueOf = (name: string): unknown => (hasOwn(global, name) ? global[name] : safeGet(global, name, true));
    const read = (name: string): unknown => {
      if (name in global) return valueOf(name);
      if (denied(name)) return safeGet(host, name);
      throw notDefined(name);
    };
    const writeStrict = (name: string, value: unknown): void => {
      if (!(name in global)) {
        if (!denied(name)) throw notDefined(name);
        reflectSet(host, name, value);
      } else if (!reflectSet(global, name, value, hasOwn(global, name) ? global : undefined)) {
        // An inherited name is written with no receiver a setter on Object.prototype could take.
        throw new TypeErrorConstructor(`Cannot assign to read only global '${name}' in package "${packageName}"`);
      }
    };
    // Every name the global has when the scope is made is an own property of the strict scope (a frozen
    // global's data properties read once, the rest live), so the code's global reads are plain property reads.
    // Any other name (absent, denied, or created later) reaches its prototype, which resolves it as the global
    // environment would: one scope per package, whatever names its modules use. The sloppy scope inherits
    // from the strict one: they differ only in writes to names neither the global nor the host has.
    const t = create(new ProxyConstructor(create(null) as object, bare({
      get: (_target: object, name: string | symbol) => (typeof name === 'string' ? read(name) : undefined),
      // Sloppy code (the receiver is the sloppy scope): a write to a name neither the package nor the host has
      // creates it (on a frozen package global the write is ignored, as the engine would). Else as strict code.
      set: (_target: object, name: string | symbol, value: unknown, receiver: unknown) => {
        if (typeof name !== 'string') return true;
        if (receiver === sloppy && !(name in global) && !(name in host)) reflectSet(global, name, value);
        else writeStrict(name, value);
        return true;
      },
    }))) as Record<string, unknown>;
    const sloppy = create(t) as object;
    const names = getOwnPropertyNames(global);
    for (let i = 0; i < names.length; i++) {
      const name = names[i];
      const descriptor = bare(getOwnPropertyDescriptor(global, name)!);
      defineProperty(t, name, frozen && 'value' in descriptor
        ? constant(descriptor.value)
        : accessor(() => read(name), (value) => writeStrict(name, value)));
    }
    const y = (name: string): string => (name in global ? typeof valueOf(name) : debug && name in host ? typeof safeGet(host, name) : 'undefined');
    // The engine substitutes its realm's global for a sloppy function's missing receiver.
    const w = (value: unknown): unknown => (value === realGlobal || value === host ? global : value);
    const d = (specifier: unknown, where: string): Promise<never> => {
      const error = new HermeticPolicyError(computedImportMessage(packageName, specifier, where));
      if (debug) logOnce(`[hermetic debug] ${error.message}`);
      return rejected(error);
    };
    return packages[packageName] = [freeze({ g: sloppy, t, y, w, d }), freeze({ g: t, t, y, w, d })];
  };

  return {
    scopeOf: (packageName, strict) => scopesOf(packageName)[strict ? 1 : 0],
    denied: (message) => { refuse(new HermeticPolicyError(message)); },
  };
}
