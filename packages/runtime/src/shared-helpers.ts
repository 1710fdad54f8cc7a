/**
 * Small helpers every part of the runtime uses: value tests, the one-line
 * description of a value in error messages, hook options, and the
 * non-enumerable own properties of globals.
 */

/** Objects and functions: what can carry properties and be a WeakMap key. */
export function isObject(value: unknown): value is object {
  return (typeof value === 'object' && value !== null) || typeof value === 'function';
}

/** Objects other than functions: option bags, descriptors, namespaces. */
export function isBag(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return isObject(value) && typeof (value as { then?: unknown }).then === 'function';
}

export function hasOwn(object: object, key: PropertyKey): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

/** What kind of value was given, for error messages ("got array", "got string"). */
export function describe(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

/** The TypeError of an argument or option (`what`) that must be an object. */
export function notAnObject(what: string, value: unknown): TypeError {
  return new TypeError(`${what} must be an object, got ${describe(value)}`);
}

/** Reads an optional hook option: undefined or a function, anything else is a TypeError naming `what`. */
export function readHook<T>(options: object, name: string, what: string): T | undefined {
  const hook = (options as Record<string, unknown>)[name];
  if (hook !== undefined && typeof hook !== 'function') throw new TypeError(`${what}${name} must be a function or undefined, got ${describe(hook)}`);
  return hook as T | undefined;
}

/** Defines writable, configurable, non-enumerable own properties (as the built-in globals are). */
export function defineHidden(target: object, values: object): void {
  for (const key of Object.keys(values)) {
    Object.defineProperty(target, key, { value: (values as Record<string, unknown>)[key], writable: true, enumerable: false, configurable: true });
  }
}

/** The value `map` holds for `constructor` or the nearest class it extends. */
export function lookupClassChain<T>(map: WeakMap<object, T>, constructor: unknown): T | undefined {
  for (let c = constructor; isObject(c); c = Object.getPrototypeOf(c)) {
    const found = map.get(c);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Reads the attributes of `import(specifier, options)` as ECMA-262 does, keys sorted. */
export function readImportAttributes(options: unknown): Record<string, string> {
  const attributes: Record<string, string> = {};
  if (options === undefined) return attributes;
  if (!isBag(options)) throw notAnObject('The second argument of import()', options);
  const given = (options as { with?: unknown }).with;
  if (given === undefined) return attributes;
  if (!isBag(given)) throw notAnObject("The 'with' option of import()", given);
  for (const key of Object.keys(given).sort()) {
    const value = (given as Record<string, unknown>)[key];
    if (typeof value !== 'string') throw new TypeError(`Import attribute '${key}' must be a string`);
    attributes[key] = value;
  }
  return attributes;
}

/** The TypeError of a module that a synchronous import or load cannot wait for (`why` says what it waits for). */
export function cannotWait(name: string, why: string): TypeError {
  return new TypeError(`${name} ${why}, which importNow/loadNow cannot wait for: use import()/load()`);
}

/** The TypeError of a write to a constant (`why` adds what kind of binding it is). */
export function assignToConstant(name: string, why = ''): TypeError {
  return new TypeError(`Assignment to constant variable '${name}'${why}`);
}

/** The ReferenceError of a name read or written in its temporal dead zone. */
export function beforeInitialization(name: string): ReferenceError {
  return new ReferenceError(`Cannot access '${name}' before initialization`);
}

/** The TypeError of a method or getter called on an object that is not an instance of its class. */
export function notAn(className: string, member: string): TypeError {
  return new TypeError(`${className}.prototype.${member} called on a non-${className}`);
}
