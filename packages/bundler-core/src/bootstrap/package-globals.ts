/**
 * Fills a package compartment's global object with what its policy grants:
 * live accessors onto the host global (so `location.href` stays current),
 * minimal views for dotted paths (`"console.warn"` gives a `console` holding
 * only `warn`), setters only for `"write"`. A grant gives the capability, not
 * the host object graph behind it:
 * - host functions are wrapped so that a call through the compartment's own
 *   objects (`window.fetch(…)`, `this` being the compartment global) reaches
 *   the host with the right receiver, and every function argument (a timer
 *   callback, an event listener) is passed as a wrapper that calls it with
 *   `this` undefined, never the host window (the same wrapper for the same
 *   function, so `removeEventListener` works); a function written to a
 *   granted `on…` name is wrapped the same way;
 * - a plain host object (one whose prototype is `Object.prototype` or an empty
 *   namespace prototype, such as `console`) granted for reading is a frozen
 *   per-package view of its own members, read live from the host's: a package
 *   cannot replace `console.log` for everyone (members the host object gets
 *   later are not in the view; a `"write"` grant gives the host's object).
 *   Instances of host classes (`location`, `navigator`, DOM nodes) are handed
 *   out as they are; a DOM node or EventTarget reaches the window (see
 *   dom-grants.ts), and so does an event of a listener added with a granted
 *   `addEventListener` of the window (`event.currentTarget`). A handler set on
 *   a host object the package holds (`element.onclick = f`) is the host's
 *   business: it runs with the element as `this`;
 * - `process.env` granted for reading is the package's own view of the host's
 *   environment, whose writes and deletions stay in the package (env-view.ts).
 * Everything here may run after package code, so it uses captured intrinsics
 * only (captured.ts).
 */
import type { GlobalGrant } from '../policy-types.js';
import { GLOBAL_ALIAS_NAMES } from '../intrinsic-names.js';
import {
  ObjectPrototype, ProxyConstructor, WeakMapConstructor, apply, bare, create, defineProperty, freeze, getOwnPropertyDescriptor,
  getOwnPropertyNames, getPrototypeOf, hasBelowObjectPrototype, hasOwn, keys, ownValue, reflectDefine, reflectSet, safeGet,
  weakMapGet, weakMapSet,
} from './captured.js';
import { envView } from './env-view.js';

/** A package's grants as a tree of path parts (null-prototype records, built at start-up by {@link grantTree}). */
export interface GrantTree {
  grant?: GlobalGrant;
  children: Record<string, GrantTree>;
}

const node = (): GrantTree => bare({ children: bare({}) as Record<string, GrantTree> });

/** The tree of `grants` (LavaMoat's `globals`, dotted paths included); call it before any package code runs. */
export function grantTree(grants: Record<string, GlobalGrant>): GrantTree {
  const root = node();
  for (const path of Object.keys(grants)) {
    const grant = grants[path];
    if (grant === false) continue;
    let at = root;
    for (const part of path.split('.')) at = at.children[part] ??= node();
    at.grant = grant;
  }
  return root;
}

/** What {@link definePackageGlobals} granted, for the denial checks (a null-prototype record). */
export type GrantedNames = Record<string, true>;

type Fix = (value: unknown, owner: unknown) => unknown;

// Calls a package's callback with no receiver, whoever the host calls it on.
const CALLBACK_HANDLER: ProxyHandler<(...args: unknown[]) => unknown> = bare({
  apply: (target: (...args: unknown[]) => unknown, _self: unknown, args: unknown[]) => apply(target, undefined, args),
});

/** Whether `value` is a plain or namespace object (`console`), not an instance of a host class. */
function isPlainObject(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = getPrototypeOf(value);
  return prototype === ObjectPrototype || (prototype !== null && getPrototypeOf(prototype) === ObjectPrototype && !hasOwn(prototype, 'constructor'));
}

/** Writes `value` to a host object's `name` without reaching a setter on `Object.prototype`. */
function writeHost(object: object, name: string, value: unknown): void {
  if (hasBelowObjectPrototype(object, name)) reflectSet(object, name, value);
  else reflectDefine(object, name, bare({ value, writable: true, enumerable: true, configurable: true }));
}

function liveAccessor(read: () => unknown, write: ((value: unknown) => void) | undefined, enumerable = true): PropertyDescriptor {
  return bare({ get: read, set: write, enumerable, configurable: false });
}

/** The per-package functions that turn host values into what the package may hold. */
function hostFixer(own: object): { fix: Fix; written: (name: string, value: unknown) => unknown } {
  const wrappers = new WeakMapConstructor<object, unknown>();
  const callbacks = new WeakMapConstructor<object, unknown>();
  const originals = new WeakMapConstructor<object, unknown>();
  // The package's own global and views: a call with one of them as receiver goes to the host owner.
  const ours = new WeakMapConstructor<object, boolean>();
  weakMapSet(ours, own, true);

  const callback = (value: unknown): unknown => {
    if (typeof value !== 'function') return value;
    let wrapper = weakMapGet(callbacks, value);
    if (wrapper === undefined) {
      wrapper = new ProxyConstructor(value as (...args: unknown[]) => unknown, CALLBACK_HANDLER);
      weakMapSet(callbacks, value, wrapper);
      weakMapSet(originals, wrapper as object, value);
    }
    return wrapper;
  };

  const view = (object: object): object => {
    const result = {};
    const names = getOwnPropertyNames(object);
    for (let i = 0; i < names.length; i++) {
      const name = names[i];
      const descriptor = getOwnPropertyDescriptor(object, name)!;
      // Host accessors with a setter (an API action) stay writable; data members (methods) cannot be replaced.
      const setter = hasOwn(descriptor, 'set') && descriptor.set !== undefined;
      defineProperty(result, name, liveAccessor(
        () => fix(safeGet(object, name), object),
        setter ? (value) => { writeHost(object, name, callback(value)); } : undefined,
        descriptor.enumerable,
      ));
    }
    weakMapSet(ours, result, true);
    return freeze(result);
  };

  const fix: Fix = (value, owner) => {
    if (typeof value === 'function') {
      const original = weakMapGet(originals, value);
      if (original !== undefined) return original;
      // Constructors (with a `prototype`) need no receiver.
      if (hasOwn(value, 'prototype')) return value;
    } else if (!isPlainObject(value)) {
      return value;
    }
    let wrapper = weakMapGet(wrappers, value);
    if (wrapper === undefined) {
      if (typeof value === 'function') {
        const name = ownValue(value, 'name');
        const key = typeof name === 'string' ? name : '';
        wrapper = {
          [key](this: unknown, ...args: unknown[]): unknown {
            for (let i = 0; i < args.length; i++) args[i] = callback(args[i]);
            return apply(value, this === undefined || weakMapGet(ours, this as object) === true ? owner : this, args);
          },
        }[key];
      } else {
        wrapper = view(value);
      }
      weakMapSet(wrappers, value, wrapper);
    }
    return wrapper;
  };

  // A function written to an event-handler property (`onmessage`) is a callback too.
  const written = (name: string, value: unknown): unknown => (name[0] === 'o' && name[1] === 'n' ? callback(value) : value);
  return { fix, written };
}

function defineView(fixer: ReturnType<typeof hostFixer>, readParent: () => unknown, tree: GrantTree, path: string): object {
  const result = {};
  const names = keys(tree.children);
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    const child = tree.children[name];
    if (path === 'process' && name === 'env' && child.grant !== undefined && child.grant !== 'write') {
      defineProperty(result, name, bare({ value: envView(() => safeGet(readParent(), name)), enumerable: true }));
    } else if (child.grant !== undefined) {
      defineProperty(result, name, liveAccessor(
        () => { const parent = readParent(); return fixer.fix(safeGet(parent, name), parent); },
        child.grant === 'write'
          ? (value) => { const parent = readParent(); if (typeof parent === 'object' && parent !== null) writeHost(parent, name, fixer.written(name, value)); }
          : undefined,
      ));
    } else {
      const nested = defineView(fixer, () => safeGet(readParent(), name), child, `${path}.${name}`);
      defineProperty(result, name, bare({ value: nested, enumerable: true }));
    }
  }
  return freeze(result);
}

/**
 * Defines the granted globals (`tree`, from {@link grantTree}) on `target` (a
 * package's global object). Names it already owns (intrinsics, `eval`) are left
 * alone, and so are names the host has only on `Object.prototype`;
 * `globalThis`, and `window`, `self` and `global` when the host has them, are
 * `target` itself. Returns the top-level names defined.
 */
export function definePackageGlobals(target: object, host: object, tree: GrantTree): GrantedNames {
  const fixer = hostFixer(target);
  const defined = create(null) as GrantedNames;
  for (let i = 0; i < GLOBAL_ALIAS_NAMES.length; i++) {
    const alias = GLOBAL_ALIAS_NAMES[i];
    if ((alias in host || alias === 'globalThis') && !hasOwn(target, alias)) {
      defineProperty(target, alias, bare({ value: target, writable: false, enumerable: false, configurable: false }));
      defined[alias] = true;
    }
  }
  const names = keys(tree.children);
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    const child = tree.children[name];
    if (hasOwn(target, name) || !hasBelowObjectPrototype(host, name)) continue;
    if (child.grant === 'write') {
      // A package that may replace the host's global may change it too: it gets the host's object, not a view.
      defineProperty(target, name, liveAccessor(
        () => { const value = safeGet(host, name); return typeof value === 'object' ? value : fixer.fix(value, host); },
        (value) => { writeHost(host, name, fixer.written(name, value)); },
      ));
    } else if (child.grant !== undefined) {
      defineProperty(target, name, liveAccessor(
        () => fixer.fix(safeGet(host, name), host),
        undefined,
      ));
    } else {
      defineProperty(target, name, bare({ value: defineView(fixer, () => safeGet(host, name), child, name), enumerable: true }));
    }
    defined[name] = true;
  }
  return defined;
}
