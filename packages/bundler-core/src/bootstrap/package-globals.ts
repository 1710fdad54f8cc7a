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

/** Wraps plain host functions (no `prototype`: methods, not constructors) so a call with `own` as receiver reaches `owner`. */
type ReceiverFixer = (value: unknown, owner: object) => unknown;

function receiverFixer(own: object): ReceiverFixer {
  const wrappers = new WeakMap<object, unknown>();
  return (value, owner) => {
    if (typeof value !== 'function' || Object.prototype.hasOwnProperty.call(value, 'prototype')) return value;
    const cached = wrappers.get(value);
    if (cached !== undefined) return cached;
    const target = value as (...args: unknown[]) => unknown;
    const wrapper = {
      [target.name](this: unknown, ...args: unknown[]): unknown {
        return Reflect.apply(target, this === undefined || this === own ? owner : this, args);
      },
    }[target.name];
    wrappers.set(value, wrapper);
    return wrapper;
  };
}

function liveAccessor(
  read: () => unknown,
  write: ((value: unknown) => void) | undefined,
): PropertyDescriptor {
  return { get: read, set: write, enumerable: true, configurable: false };
}

function defineView(fix: ReceiverFixer, readParent: () => unknown, node: GrantTree): object {
  const view: Record<string, unknown> = {};
  for (const [name, child] of node.children) {
    if (child.grant !== undefined) {
      Object.defineProperty(view, name, liveAccessor(
        () => {
          const parent = readParent() as Record<string, unknown>;
          return fix(parent == null ? undefined : parent[name], parent as object);
        },
        child.grant === 'write' ? (value) => { Reflect.set(readParent() as object, name, value); } : undefined,
      ));
    } else {
      const nested = defineView(fix, () => (readParent() as Record<string, unknown>)?.[name], child);
      Object.defineProperty(view, name, { value: nested, enumerable: true });
    }
  }
  return Object.freeze(view);
}

/** What {@link definePackageGlobals} granted, for the denial checks. */
export interface GrantedNames {
  has(name: string): boolean;
}

/**
 * Defines the granted globals on `target` (a package's global object). Names
 * it already owns (intrinsics, `eval`) are left alone; `globalThis`, and
 * `window`, `self` and `global` when the host has them, are `target` itself.
 * Returns the set of top-level names defined.
 */
export function definePackageGlobals(target: object, host: object, grants: Record<string, GlobalGrant>): GrantedNames {
  const fix = receiverFixer(target);
  const defined = new Set<string>();
  const hostRecord = host as Record<string, unknown>;
  for (const alias of GLOBAL_ALIASES) {
    if ((alias in host || alias === 'globalThis') && !Object.prototype.hasOwnProperty.call(target, alias)) {
      Object.defineProperty(target, alias, { value: target, writable: false, enumerable: false, configurable: false });
      defined.add(alias);
    }
  }
  const topLevel = (name: string, grant: GlobalGrant): void => {
    if (Object.prototype.hasOwnProperty.call(target, name) || !(name in host)) return;
    Object.defineProperty(target, name, liveAccessor(
      () => fix(hostRecord[name], host),
      grant === 'write' ? (value) => { Reflect.set(host, name, value); } : undefined,
    ));
    defined.add(name);
  };
  for (const [name, node] of buildTree(grants).children) {
    if (node.grant !== undefined) {
      topLevel(name, node.grant);
    } else if (!Object.prototype.hasOwnProperty.call(target, name) && name in host) {
      Object.defineProperty(target, name, {
        value: defineView(fix, () => hostRecord[name], node),
        enumerable: true,
      });
      defined.add(name);
    }
  }
  return defined;
}
