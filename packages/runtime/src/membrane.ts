/**
 * A revocable membrane between the inside of a sandbox and its outside
 * (CONFORMANCE 48). Every object or function that crosses is replaced by a
 * Proxy seen from the receiving side; one proxy per object and direction, so
 * identity is preserved, and a proxy crossing back is unwrapped to the
 * original. Arguments, `this`, return values, thrown values, property values
 * and descriptors are wrapped in the direction they travel. Shared intrinsic
 * non-function objects (see shared-intrinsics.ts) cross unwrapped.
 *
 * Proxies use a shadow target rather than the real object, so that the
 * Proxy invariants (frozen objects, non-configurable properties) hold while
 * the values reported are the wrapped ones. Every trap, in either direction,
 * counts as a frame of the inside while it runs.
 */
import { hasOwn, isObject } from './shared-helpers.js';
import { isSharedIntrinsicObject } from './shared-intrinsics.js';

const INSIDE = 0;
const OUTSIDE = 1;
type Side = typeof INSIDE | typeof OUTSIDE;

/** One membrane: the boundary of one sandbox. */
export interface Membrane {
  /** Wraps a value travelling from the outside into the sandbox. */
  toInside(value: unknown): unknown;
  /** Wraps a value travelling out of the sandbox. */
  toOutside(value: unknown): unknown;
  /** True while a call through the membrane into the sandbox is running. */
  readonly entered: boolean;
  /** True once revoked. */
  readonly revoked: boolean;
  /** Makes every proxy of this membrane throw from now on. */
  revoke(reason: unknown): void;
}

interface Origin {
  real: object;
  /** The side the real object lives on. */
  side: Side;
}

function makeShadow(real: object): object {
  if (typeof real === 'function') {
    // A shadow without own `prototype` for functions that have none (arrows,
    // methods), so that ownKeys can report the real keys.
    return hasOwn(real, 'prototype') ? function () {} : () => {};
  }
  return Array.isArray(real) ? [] : {};
}

export function wrapDescriptor(descriptor: PropertyDescriptor, wrap: (value: unknown) => unknown): PropertyDescriptor {
  const wrapped: PropertyDescriptor = { ...descriptor };
  if ('value' in descriptor) wrapped.value = wrap(descriptor.value);
  if (descriptor.get !== undefined) wrapped.get = wrap(descriptor.get) as () => unknown;
  if (descriptor.set !== undefined) wrapped.set = wrap(descriptor.set) as (value: unknown) => void;
  return wrapped;
}

/** Creates a membrane; `describe` names the sandbox in errors. */
export function createMembrane(describe: string): Membrane {
  let revoked = false;
  let revocationReason: unknown;
  let depth = 0;
  // views[side]: real object of the other side → the proxy seen from `side`.
  const views: [WeakMap<object, object>, WeakMap<object, object>] = [new WeakMap(), new WeakMap()];
  const origins = new WeakMap<object, Origin>();

  const revokedError = (): TypeError =>
    new TypeError(`${describe} was deactivated (${String(revocationReason)}): its objects can no longer be used`, {
      cause: revocationReason,
    });

  function wrap(value: unknown, toSide: Side): unknown {
    if (!isObject(value)) return value;
    const origin = origins.get(value);
    if (origin) return origin.side === toSide ? origin.real : value;
    if (typeof value !== 'function' && isSharedIntrinsicObject(value)) return value;
    let proxy = views[toSide].get(value);
    if (!proxy) {
      if (revoked) throw revokedError();
      proxy = makeProxy(value, toSide);
      views[toSide].set(value, proxy);
      origins.set(proxy, { real: value, side: toSide === INSIDE ? OUTSIDE : INSIDE });
    }
    return proxy;
  }

  function makeProxy(real: object, viewSide: Side): object {
    const realSide: Side = viewSide === INSIDE ? OUTSIDE : INSIDE;
    const shadow = makeShadow(real);
    const toReal = (value: unknown): unknown => wrap(value, realSide);
    const toView = (value: unknown): unknown => wrap(value, viewSide);
    // Every trap counts as a frame of the inside: a trap of a proxy seen from
    // the outside runs inside code, and one seen from the inside is triggered
    // by inside code (possibly a job the engine started, which no outside
    // call would have counted).
    const run = <T>(operation: () => T): T => {
      if (revoked) throw revokedError();
      depth += 1;
      try {
        return operation();
      } catch (error) {
        throw toView(error);
      } finally {
        depth -= 1;
      }
    };
    const defineOnShadow = (key: PropertyKey, descriptor: PropertyDescriptor): void => {
      Reflect.defineProperty(shadow, key, descriptor);
    };
    /** Drops the shadow's keys that the real object no longer has; returns the real keys. */
    const pruneShadow = (): Array<string | symbol> => {
      const keys = Reflect.ownKeys(real);
      for (const key of Reflect.ownKeys(shadow)) if (!keys.includes(key)) Reflect.deleteProperty(shadow, key);
      return keys;
    };
    // Once the real object is non-extensible, the shadow must mirror it exactly.
    const freezeShadow = (): void => {
      if (!Reflect.isExtensible(shadow)) return;
      for (const key of pruneShadow()) {
        const descriptor = Reflect.getOwnPropertyDescriptor(real, key);
        if (descriptor) defineOnShadow(key, wrapDescriptor(descriptor, toView));
      }
      Reflect.setPrototypeOf(shadow, toView(Reflect.getPrototypeOf(real)) as object | null);
      Reflect.preventExtensions(shadow);
    };
    // A receiver or new.target that is this proxy unwraps to `real` through toReal.
    const handler: ProxyHandler<object> = {
      getPrototypeOf: () =>
        run(() => (Reflect.isExtensible(shadow) ? (toView(Reflect.getPrototypeOf(real)) as object | null) : Reflect.getPrototypeOf(shadow))),
      setPrototypeOf: (_shadow, prototype) => run(() => Reflect.setPrototypeOf(real, toReal(prototype) as object | null)),
      isExtensible: () =>
        run(() => {
          const extensible = Reflect.isExtensible(real);
          if (!extensible) freezeShadow();
          return extensible;
        }),
      preventExtensions: () =>
        run(() => {
          const prevented = Reflect.preventExtensions(real);
          if (prevented) freezeShadow();
          return prevented;
        }),
      getOwnPropertyDescriptor: (_shadow, key) =>
        run(() => {
          const descriptor = Reflect.getOwnPropertyDescriptor(real, key);
          if (!descriptor) {
            if (!Reflect.isExtensible(shadow)) Reflect.deleteProperty(shadow, key);
            return undefined;
          }
          const wrapped = wrapDescriptor(descriptor, toView);
          if (descriptor.configurable === false || !Reflect.isExtensible(shadow)) defineOnShadow(key, wrapped);
          return wrapped;
        }),
      defineProperty: (_shadow, key, descriptor) =>
        run(() => {
          const defined = Reflect.defineProperty(real, key, wrapDescriptor(descriptor, toReal));
          if (defined && (descriptor.configurable === false || !Reflect.isExtensible(shadow))) {
            const now = Reflect.getOwnPropertyDescriptor(real, key);
            if (now) defineOnShadow(key, wrapDescriptor(now, toView));
          }
          return defined;
        }),
      has: (_shadow, key) => run(() => Reflect.has(real, key)),
      get: (_shadow, key, receiver) =>
        run(() => toView(Reflect.get(real, key, toReal(receiver)))),
      set: (_shadow, key, value, receiver) =>
        run(() => Reflect.set(real, key, toReal(value), toReal(receiver))),
      deleteProperty: (_shadow, key) =>
        run(() => {
          const deleted = Reflect.deleteProperty(real, key);
          if (deleted) Reflect.deleteProperty(shadow, key);
          return deleted;
        }),
      ownKeys: () =>
        run(() => {
          return Reflect.isExtensible(shadow) ? Reflect.ownKeys(real) : pruneShadow();
        }),
      apply: (_shadow, thisArgument, argumentList: unknown[]) =>
        run(() => toView(Reflect.apply(real as (...args: unknown[]) => unknown, toReal(thisArgument), argumentList.map(toReal)))),
      construct: (_shadow, argumentList: unknown[], newTarget) =>
        run(
          () =>
            toView(
              Reflect.construct(
                real as new (...args: unknown[]) => object,
                argumentList.map(toReal),
                toReal(newTarget) as new (...args: unknown[]) => object,
              ),
            ) as object,
        ),
    };
    return new Proxy(shadow, handler);
  }

  return {
    toInside: (value) => wrap(value, INSIDE),
    toOutside: (value) => wrap(value, OUTSIDE),
    get entered() {
      return depth > 0;
    },
    get revoked() {
      return revoked;
    },
    revoke(reason) {
      if (revoked) return;
      revoked = true;
      revocationReason = reason;
    },
  };
}
