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
  ObjectPrototype, ProxyConstructor, WeakMapConstructor, accessor, apply, assigned, bare, constant, defineProperty, freeze,
  getOwnPropertyDescriptor, getOwnPropertyNames, getPrototypeOf, hasBelowObjectPrototype, hasOwn, isReference, ownValue, reflectDefine,
  reflectSet, safeGet, weakMapGet, weakMapSet,
} from './captured.js';
import { envView } from './env-view.js';

/** Where a {@link GrantTree} node keeps its own grant (a symbol: every string key is a path part). */
export const GRANT: unique symbol = Symbol();

/** A package's grants as a tree of path parts (null-prototype records, built at start-up by {@link grantTree}). */
export interface GrantTree {
  [GRANT]?: GlobalGrant;
  [part: string]: GrantTree;
}

/** The tree of `grants` (LavaMoat's `globals`, dotted paths included); call it before any package code runs. */
export function grantTree(grants: Record<string, GlobalGrant>): GrantTree {
  const root = bare({}) as GrantTree;
  for (const path of Object.keys(grants)) {
    const grant = grants[path];
    if (grant === false) continue;
    let at = root;
    for (const part of path.split('.')) at = at[part] ??= bare({}) as GrantTree;
    at[GRANT] = grant;
  }
  return root;
}

// Calls a package's callback with no receiver, whoever the host calls it on.
const CALLBACK_HANDLER: ProxyHandler<(...args: unknown[]) => unknown> = bare({
  apply: (target: (...args: unknown[]) => unknown, _self: unknown, args: unknown[]) => apply(target, undefined, args),
});

/**
 * Whether `value` is a plain or namespace object (`console`), not an instance of a host class. (A function's
 * prototype, Function.prototype, has a `constructor`.)
 */
function isPlainObject(value: unknown): value is object {
  if (!isReference(value)) return false;
  const prototype = getPrototypeOf(value);
  return prototype === ObjectPrototype || (prototype !== null && getPrototypeOf(prototype) === ObjectPrototype && !hasOwn(prototype, 'constructor'));
}

/** Writes `value` to a host object's `name` without reaching a setter on `Object.prototype`. */
function writeHost(object: object, name: string, value: unknown): void {
  if (hasBelowObjectPrototype(object, name)) reflectSet(object, name, value);
  else reflectDefine(object, name, assigned(value));
}

/**
 * Defines the granted globals (`tree`, from {@link grantTree}) on `target` (a
 * package's global object). Names it already owns (intrinsics, `eval`) are left
 * alone, and so are names the host has only on `Object.prototype`;
 * `globalThis`, and `window`, `self` and `global` when the host has them, are
 * `target` itself.
 */
export function definePackageGlobals(target: object, host: object, tree: GrantTree): void {
  // The package's table: a host value to what the package holds instead (a function's wrapper, a plain
  // object's view), a callback wrapper back to the package's function, and the package's own global and
  // views to themselves.
  const held = new WeakMapConstructor<object, unknown>();
  const remember = (key: object, value: unknown): unknown => {
    weakMapSet(held, key, value);
    return value;
  };
  const ownObject = (object: object): object => remember(object, object) as object;
  ownObject(target);
  // A package's function to its callback wrapper.
  const callbacks = new WeakMapConstructor<object, unknown>();
  const callback = (value: unknown): unknown => {
    if (typeof value !== 'function') return value;
    let wrapper = weakMapGet(callbacks, value);
    if (wrapper === undefined) {
      wrapper = new ProxyConstructor(value as (...args: unknown[]) => unknown, CALLBACK_HANDLER);
      weakMapSet(callbacks, value, wrapper);
      remember(wrapper as object, value);
    }
    return wrapper;
  };

  // A live accessor onto `name` of the host object `readOwner()`: what the package may hold of its value
  // (the value itself if `raw` and an object), and with `write`, writes of `write(value)` to the host.
  const live = (readOwner: () => unknown, name: string, write?: (value: unknown) => unknown, enumerable?: boolean, raw?: boolean) => accessor(
    () => {
      const owner = readOwner();
      const value = safeGet(owner, name);
      return raw === true && typeof value === 'object' ? value : fix(value, owner);
    },
    write && ((value) => {
      const owner = readOwner();
      if (isReference(owner)) writeHost(owner, name, write(value));
    }),
    enumerable,
  );

  const view = (object: object): object => {
    const result = {};
    const names = getOwnPropertyNames(object);
    for (let i = 0; i < names.length; i++) {
      const descriptor = bare(getOwnPropertyDescriptor(object, names[i])!);
      // Host accessors with a setter (an API action) stay writable; data members (methods) cannot be replaced.
      defineProperty(result, names[i], live(() => object, names[i], descriptor.set && callback, descriptor.enumerable));
    }
    return freeze(ownObject(result));
  };

  const fix = (value: unknown, owner: unknown): unknown => {
    const known = weakMapGet(held, value as object);
    if (known !== undefined) return known;
    // Constructors (with a `prototype`) need no receiver; instances of host classes are handed out as they are.
    if (typeof value === 'function' ? hasOwn(value, 'prototype') : !isPlainObject(value)) return value;
    if (typeof value !== 'function') return remember(value as object, view(value as object));
    const name = ownValue(value, 'name');
    const key = typeof name === 'string' ? name : '';
    return remember(value, {
      [key](this: unknown, ...args: unknown[]): unknown {
        for (let i = 0; i < args.length; i++) args[i] = callback(args[i]);
        // No receiver (which the table maps to nothing), the package's global or a view: the call is the host owner's.
        return apply(value, weakMapGet(held, this as object) === this ? owner : this, args);
      },
    }[key]);
  };

  // Fills `object` (the global, path '', or a view of the host's `path`) with the grants of `tree`.
  const defineGrants = (object: object, readParent: () => unknown, tree: GrantTree, path: string): object => {
    const names = getOwnPropertyNames(tree);
    for (let i = 0; i < names.length; i++) {
      const name = names[i];
      const grant = tree[name][GRANT];
      const at = path === '' ? name : `${path}.${name}`;
      const read = (): unknown => safeGet(readParent(), name);
      if (hasOwn(object, name) || (path === '' && !hasBelowObjectPrototype(host, name))) continue;
      // A dotted path's view is the package's own object: a method called on it (`document.createElement()`,
      // `crypto.getRandomValues()`) gets the host's object as its receiver.
      defineProperty(object, name, grant === undefined
        ? constant(freeze(ownObject(defineGrants({}, read, tree[name], at))))
        : at === 'process.env' && grant !== 'write'
          ? constant(envView(read))
          // A function written to an event-handler property (`onmessage`) is a callback too. A package that may
          // replace a global may change it too: it gets the host's object, not a view (`raw`, top level only).
          : grant === 'write'
            ? live(readParent, name, name[0] === 'o' && name[1] === 'n' ? callback : (value) => value, true, path === '')
            : live(readParent, name));
    }
    return object;
  };

  for (let i = 0; i < GLOBAL_ALIAS_NAMES.length; i++) {
    const alias = GLOBAL_ALIAS_NAMES[i];
    if ((alias in host || alias === 'globalThis') && !hasOwn(target, alias)) defineProperty(target, alias, bare({ value: target }));
  }
  defineGrants(target, () => host, tree, '');
}
