/**
 * The intrinsics the bootstrap calls once package code may have run, taken
 * when this module is first evaluated, before any package can (as esbuild's
 * helpers take `__defProp`). In default mode a package may replace any shared
 * intrinsic (`Reflect.apply`, `Object.defineProperty`, `Map.prototype.get`, an
 * `Object.prototype` getter, the array iterator) and would then receive
 * whatever the bootstrap passes it: another package's global, the host. So the
 * bootstrap calls these captured functions only, builds descriptors and
 * records with a null prototype ({@link bare}), walks arrays by index, and
 * uses no spread, iteration or destructuring of arrays after start-up.
 */

/** `Reflect`'s functions as they were at start-up. */
export const { apply, getOwnPropertyDescriptor, set: reflectSet, setPrototypeOf, getPrototypeOf, defineProperty: reflectDefine } = Reflect;

/** `Object`'s functions as they were at start-up. */
export const { defineProperty, freeze, create, getOwnPropertyNames } = Object;

/** A method as a plain function of its receiver and arguments (SES's `uncurryThis`). */
export const uncurryThis = <A extends unknown[], R>(method: (...args: A) => R) =>
  (self: unknown, ...args: A): R => apply(method, self, args);

/** `Object.prototype.hasOwnProperty`, which reads no inherited property. */
export const hasOwn = uncurryThis(Object.prototype.hasOwnProperty) as (object: unknown, key: PropertyKey) => boolean;

const { get: weakGet, set: weakSet } = WeakMap.prototype;
/** `WeakMap.prototype.get`. */
export const weakMapGet = uncurryThis(weakGet) as (map: WeakMap<object, unknown>, key: object) => unknown;
/** `WeakMap.prototype.set`. */
export const weakMapSet = uncurryThis(weakSet) as (map: WeakMap<object, unknown>, key: object, value: unknown) => void;

/** `JSON.stringify`, called on strings only (so no `toJSON` is looked up). */
export const { stringify } = JSON;

const PromiseConstructor = Promise;
/** A promise rejected with `reason` (made by the constructor, which looks up no `then`). */
export const rejected = (reason: unknown): Promise<never> => new PromiseConstructor((_resolve, reject) => { reject(reason); });

/** Constructors and prototypes the bootstrap uses. */
export const ProxyConstructor = Proxy;
export const WeakMapConstructor = WeakMap;
export const ReferenceErrorConstructor = ReferenceError;
export const TypeErrorConstructor = TypeError;
export const EvalErrorConstructor = EvalError;
export const ObjectConstructor = Object;
export const ObjectPrototype = Object.prototype;
export const FunctionPrototype = Function.prototype;

/** `object` with a null prototype: a descriptor or record no `Object.prototype` getter can read into. */
export const bare = <T extends object>(object: T): T => {
  setPrototypeOf(object, null);
  return object;
};

/** Whether `value` is an object or a function (`Object(value)` wraps any other value). */
export const isReference = (value: unknown): value is object => ObjectConstructor(value) === value;

/** The descriptor of a data property as an assignment creates it (writable, enumerable, configurable). */
export const assigned = (value: unknown): PropertyDescriptor => bare({ value, writable: true, enumerable: true, configurable: true });

/** The descriptor of an enumerable data property that can be neither written nor redefined. */
export const constant = (value: unknown): PropertyDescriptor => bare({ value, enumerable: true });

/** The descriptor of a new accessor property: live, non-configurable, read-only without `write`. */
export const accessor = (read: () => unknown, write?: (value: unknown) => void, enumerable = true): PropertyDescriptor =>
  bare({ get: read, set: write, enumerable });

/** `object[key]` if it is an own data property, read without reaching a getter or the prototype chain. */
export function ownValue(object: object, key: PropertyKey): unknown {
  const descriptor = getOwnPropertyDescriptor(object, key);
  return descriptor === undefined ? undefined : bare(descriptor).value;
}

/**
 * `object[key]` read without handing `object` to a getter on `Object.prototype`, which an attacker may have
 * put there: own and inherited properties up to `Object.prototype` as the engine reads them (getters called
 * on `object`), then `Object.prototype`'s own data properties if `withObjectPrototype`, else undefined.
 */
export function safeGet(object: unknown, key: string, withObjectPrototype?: boolean): unknown {
  for (let o = object; isReference(o); o = getPrototypeOf(o)) {
    if (o === ObjectPrototype) return withObjectPrototype === true ? ownValue(o, key) : undefined;
    const descriptor = getOwnPropertyDescriptor(o as object, key);
    if (descriptor === undefined) continue;
    // A fresh descriptor, made null-prototype before it is read: a data property's has no `get`.
    const get = bare(descriptor).get;
    return get === undefined ? descriptor.value : apply(get, object, []);
  }
  return undefined;
}

/** Whether `object` or one of its prototypes below `Object.prototype` has `key`. */
export function hasBelowObjectPrototype(object: object, key: string): boolean {
  for (let o: object | null = object; o !== null && o !== ObjectPrototype; o = getPrototypeOf(o)) {
    if (hasOwn(o, key)) return true;
  }
  return false;
}
