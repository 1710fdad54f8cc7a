/**
 * Fills a package compartment's global object with what its policy grants:
 * live accessors onto the host global (so `location.href` stays current),
 * minimal views for dotted paths (`"console.warn"` gives a `console` holding
 * only `warn`), setters only for `"write"`. Host functions are wrapped so that
 * a call through the compartment's own global (`window.fetch(…)`, `this` being
 * the compartment global) still reaches the host with the right receiver.
 */
import type { GlobalGrant } from '../policy-types.js';
import { GLOBAL_ALIASES } from '../intrinsic-names.js';

interface GrantTree {
  grant?: GlobalGrant;
  children: Map<string, GrantTree>;
}

function buildTree(grants: Record<string, GlobalGrant>): GrantTree {
  const root: GrantTree = { children: new Map() };
  for (const [path, grant] of Object.entries(grants)) {
    if (grant === false) continue;
    let node = root;
    for (const part of path.split('.')) {
      let child = node.children.get(part);
      if (child === undefined) node.children.set(part, (child = { children: new Map() }));
      node = child;
    }
    node.grant = grant;
  }
  return root;
}

/** Makes host functions callable with the compartment's global as receiver. */
class ReceiverFixer {
  private readonly wrappers = new WeakMap<object, unknown>();
  constructor(private readonly own: object) {}

  /** Wraps plain host functions (no `prototype`: methods, not constructors) so `this` maps to `owner`. */
  fix(value: unknown, owner: object): unknown {
    if (typeof value !== 'function' || Object.prototype.hasOwnProperty.call(value, 'prototype')) return value;
    const cached = this.wrappers.get(value);
    if (cached !== undefined) return cached;
    const own = this.own;
    const target = value as (...args: unknown[]) => unknown;
    const wrapper = {
      [target.name](this: unknown, ...args: unknown[]): unknown {
        return Reflect.apply(target, this === undefined || this === own ? owner : this, args);
      },
    }[target.name];
    this.wrappers.set(value, wrapper);
    return wrapper;
  }
}

function liveAccessor(
  read: () => unknown,
  write: ((value: unknown) => void) | undefined,
): PropertyDescriptor {
  return { get: read, set: write, enumerable: true, configurable: false };
}

function defineView(fixer: ReceiverFixer, readParent: () => unknown, node: GrantTree): object {
  const view: Record<string, unknown> = {};
  for (const [name, child] of node.children) {
    if (child.grant !== undefined) {
      Object.defineProperty(view, name, liveAccessor(
        () => {
          const parent = readParent() as Record<string, unknown>;
          return fixer.fix(parent == null ? undefined : parent[name], parent as object);
        },
        child.grant === 'write' ? (value) => { Reflect.set(readParent() as object, name, value); } : undefined,
      ));
    } else {
      const nested = defineView(fixer, () => (readParent() as Record<string, unknown>)?.[name], child);
      Object.defineProperty(view, name, { value: nested, enumerable: true });
    }
  }
  return Object.freeze(view);
}

const trustedDefiners = new WeakMap<object, (name: string, grant: GlobalGrant) => void>();

/** Gives a trusted package's global the host's `names` (those it has) that are not there yet. */
export function addTrustedNames(target: object, names: readonly string[]): void {
  const define = trustedDefiners.get(target);
  if (define === undefined) return;
  for (const name of names) define(name, 'write');
}

/** What {@link definePackageGlobals} granted, for the denial checks. */
export interface GrantedNames {
  has(name: string): boolean;
}

/**
 * Defines the granted globals on `target` (a compartment's global object).
 * `grants === 'all'` (a trusted package, such as the root by default) grants
 * every name the host global has, writable, as {@link addTrustedNames} is
 * called with the names its modules use.
 * Names the compartment already owns (intrinsics, `globalThis`, `eval`) are
 * left alone; `window`, `self` and `global` are set to `target` itself when
 * the host has them (to the host global for a trusted package, `globalThis`
 * too). Returns the set of top-level names defined.
 */
export function definePackageGlobals(target: object, host: object, grants: Record<string, GlobalGrant> | 'all'): GrantedNames {
  const fixer = new ReceiverFixer(target);
  const defined = new Set<string>();
  const hostRecord = host as Record<string, unknown>;
  // A trusted package (the root by default) sees the real global through its aliases, as
  // LavaMoat's root does, so `window.x = 1` in the app reaches the page; every other
  // package's aliases are its own global.
  const aliasTarget = grants === 'all' ? host : target;
  for (const alias of GLOBAL_ALIASES) {
    const own = Object.getOwnPropertyDescriptor(target, alias);
    if ((alias in host || alias === 'globalThis') && (own === undefined || own.configurable === true)) {
      if (own !== undefined && aliasTarget === target) continue;
      Object.defineProperty(target, alias, { value: aliasTarget, writable: false, enumerable: false, configurable: false });
      defined.add(alias);
    }
  }
  const topLevel = (name: string, grant: GlobalGrant): void => {
    if (Object.prototype.hasOwnProperty.call(target, name) || !(name in host)) return;
    Object.defineProperty(target, name, liveAccessor(
      () => fixer.fix(hostRecord[name], host),
      grant === 'write' ? (value) => { Reflect.set(host, name, value); } : undefined,
    ));
    defined.add(name);
  };
  if (grants === 'all') {
    // Names are added as the package's modules arrive (see `addTrustedNames`): a
    // trusted global is not frozen, and enumerating every host property up front
    // costs start-up time for names nobody uses.
    trustedDefiners.set(target, topLevel);
    return defined;
  }
  for (const [name, node] of buildTree(grants).children) {
    if (node.grant !== undefined) {
      topLevel(name, node.grant);
    } else if (!Object.prototype.hasOwnProperty.call(target, name) && name in host) {
      Object.defineProperty(target, name, {
        value: defineView(fixer, () => hostRecord[name], node),
        enumerable: true,
      });
      defined.add(name);
    }
  }
  return defined;
}
