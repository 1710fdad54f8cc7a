/**
 * Issue 9, class 6: the bootstrap trusts only the intrinsics it captured when
 * its module was first evaluated. An attacker package replaces a shared
 * intrinsic (a recorder that keeps every `this` and argument it sees, then
 * behaves as the original) after the scopes exist and before another package's
 * scope is made and used; the recorder must never see the host, a host
 * function, the victim's global, scope or capabilities, or the bootstrap's
 * package-state table.
 */
import { createPackageScopes } from '../src/bootstrap/index.js';
import type { PackageScope, PackageScopes } from '../src/bootstrap/index.js';

// The test's own tools, taken before anything is poisoned.
const { apply, defineProperty, getOwnPropertyDescriptor, ownKeys, getPrototypeOf } = Reflect;
const mapSet = Map.prototype.set;
const arrayIteratorPrototype = getPrototypeOf([][Symbol.iterator]()) as object;
const setIteratorPrototype = getPrototypeOf(new Set()[Symbol.iterator]()) as object;
const mapIteratorPrototype = getPrototypeOf(new Map()[Symbol.iterator]()) as object;

/** Every `this` and argument a recorder saw (a Map: its `set` is called through the saved original). */
const seen = new Map<number, unknown>();
let recording = false;
function record(self: unknown, args: ArrayLike<unknown>): void {
  if (recording) return;
  recording = true;
  apply(mapSet, seen, [seen.size, self]);
  for (let i = 0; i < args.length; i++) apply(mapSet, seen, [seen.size, args[i]]);
  recording = false;
}

/** A replacement for `original` that records, then behaves as the original (a constructor stays one). */
function recorder(original: unknown): unknown {
  const target = original as (...args: unknown[]) => unknown;
  return new Proxy(target, {
    apply: (fn, self, args) => { record(self, args); return apply(fn, self, args); },
    construct: (fn, args, newTarget) => { record(undefined, args); return Reflect.construct(fn, args, newTarget); },
  });
}

interface Poison { what: string; install(): () => void }

/** Replaces `object[key]` (a method) with a recorder. */
function method(label: string, object: object, key: PropertyKey): Poison {
  return {
    what: label,
    install() {
      const before = getOwnPropertyDescriptor(object, key)!;
      defineProperty(object, key, { ...before, value: recorder(before.value) });
      return () => { defineProperty(object, key, before); };
    },
  };
}

/** Puts a recording accessor for `key` on a shared prototype (inherited by every object that lacks it). */
function accessor(label: string, object: object, key: PropertyKey): Poison {
  return {
    what: label,
    install() {
      const before = getOwnPropertyDescriptor(object, key);
      defineProperty(object, key, {
        get() { record(this, []); return before === undefined ? undefined : before.get ? apply(before.get, this, []) : before.value; },
        set(value: unknown) { record(this, [value]); if (before?.set) apply(before.set, this, [value]); },
        configurable: true,
      });
      return () => { if (before === undefined) delete (object as Record<PropertyKey, unknown>)[key]; else defineProperty(object, key, before); };
    },
  };
}

const methods = (label: string, object: object, keys: PropertyKey[]): Poison[] =>
  keys.map((key) => method(`${label}.${String(key)}`, object, key));

const POISONS: Poison[] = [
  ...methods('Reflect', Reflect, ['apply', 'construct', 'get', 'set', 'has', 'getOwnPropertyDescriptor', 'defineProperty', 'ownKeys', 'getPrototypeOf', 'setPrototypeOf']),
  ...methods('Object', Object, ['defineProperty', 'defineProperties', 'getOwnPropertyDescriptor', 'getOwnPropertyNames', 'keys', 'entries', 'create', 'freeze', 'isFrozen', 'setPrototypeOf', 'getPrototypeOf', 'hasOwn', 'assign']),
  ...methods('Object.prototype', Object.prototype, ['hasOwnProperty', 'isPrototypeOf', 'toString', 'valueOf', 'propertyIsEnumerable']),
  ...methods('Function.prototype', Function.prototype, ['call', 'apply', 'bind', 'toString']),
  ...methods('Map.prototype', Map.prototype, ['get', 'set', 'has', 'delete', Symbol.iterator, 'entries', 'forEach']),
  ...methods('Set.prototype', Set.prototype, ['has', 'add', Symbol.iterator, 'values', 'forEach']),
  ...methods('WeakMap.prototype', WeakMap.prototype, ['get', 'set', 'has']),
  ...methods('Array.prototype', Array.prototype, [Symbol.iterator, 'push', 'slice', 'join', 'forEach', 'map', 'indexOf', 'includes', 'concat', 'filter']),
  method('%ArrayIteratorPrototype%.next', arrayIteratorPrototype, 'next'),
  method('%SetIteratorPrototype%.next', setIteratorPrototype, 'next'),
  method('%MapIteratorPrototype%.next', mapIteratorPrototype, 'next'),
  ...methods('String.prototype', String.prototype, ['split', 'slice', 'replace', 'startsWith', 'includes', 'concat', Symbol.iterator]),
  ...methods('Promise', Promise, ['reject', 'resolve']),
  ...methods('Promise.prototype', Promise.prototype, ['then', 'catch']),
  ...methods('JSON', JSON, ['stringify', 'parse']),
  // The global constructors themselves (a package holding the window could replace them).
  ...methods('globalThis', globalThis, ['Proxy', 'WeakMap', 'Map', 'Set', 'Promise', 'ReferenceError', 'TypeError', 'EvalError', 'Error', 'Object', 'Reflect']),
  // Properties read from objects that lack them: descriptors, options, records, proxy handlers, grant trees.
  ...['value', 'get', 'set', 'writable', 'enumerable', 'configurable', 'globals', 'granted', 'scopes', 'global', 'grant', 'children',
    'has', 'deleteProperty', 'ownKeys', 'getOwnPropertyDescriptor', 'defineProperty', 'getPrototypeOf', 'setPrototypeOf', 'isExtensible',
    'preventExtensions', 'apply', 'construct', 'then', 'toJSON', 'name', 'absentName', 'warn', 'debug', 'denied', '0', '1', '2', '3', 'length',
    'process', 'env', 'HOME', 'ABSENT_VARIABLE']
    .map((key) => accessor(`Object.prototype getter/setter "${key}"`, Object.prototype, key)),
  accessor('Function.prototype getter "name"', Function.prototype, 'name'),
  accessor('Object.prototype getter/setter "__proto__"', Object.prototype, '__proto__'),
  accessor('Error.prototype getter/setter "name"', Error.prototype, 'name'),
  accessor('Error.prototype getter/setter "message"', Error.prototype, 'message'),
];

/** A host global: the intrinsics, and host APIs that call back as a browser does (with the host as receiver). */
function makeHost(): Record<string, unknown> {
  const host: Record<string, unknown> = {};
  for (const name of ['Object', 'Function', 'Array', 'Promise', 'Error', 'TypeError', 'ReferenceError', 'Map', 'Set', 'WeakMap', 'Reflect', 'JSON', 'Math', 'Symbol', 'String', 'Proxy']) {
    host[name] = (globalThis as Record<string, unknown>)[name];
  }
  const listeners: Array<{ type: string; listener: unknown }> = [];
  Object.assign(host, {
    fetch: { fetch(this: unknown) { return this; } }.fetch,
    setTimeout: { setTimeout(callback: () => void) { apply(callback, host, []); return 1; } }.setTimeout,
    addEventListener: { addEventListener(type: string, listener: unknown) { listeners[listeners.length] = { type, listener }; } }.addEventListener,
    removeEventListener: { removeEventListener(type: string, listener: unknown) {
      for (let i = 0; i < listeners.length; i++) if (listeners[i].listener === listener) listeners[i] = { type: '', listener: undefined };
    } }.removeEventListener,
    dispatch: (type: string) => { for (let i = 0; i < listeners.length; i++) if (listeners[i].type === type) apply(listeners[i].listener as () => void, host, [{ currentTarget: host }]); },
    console: { log: { log(this: unknown) { return this; } }.log },
    document: { title: 'host doc' },
    // Node's process and environment are instances of classes, not plain objects.
    process: Object.assign(Object.create({ constructor: function Process() {} }) as object, {
      env: Object.assign(Object.create({ constructor: function Env() {} }) as object, { HOME: '/home/host', DELETED: 'x' }),
    }),
    hermeticShared: 1,
    secret: 'denied',
  });
  return host;
}

const POLICY = {
  resources: {
    victim: { globals: { fetch: true, setTimeout: true, addEventListener: true, removeEventListener: true, console: true, 'document.title': true, hermeticShared: 'write' as const, 'process.env': true } },
    attacker: {},
  },
};

/** What the victim package does once the attacker has poisoned an intrinsic: make its scopes, then use them every way compiled code can. */
function victimRuns(scopes: PackageScopes, debugScopes: PackageScopes, promises: Map<number, unknown>): PackageScope {
  const strict = scopes.scopeOf('victim', true);
  const sloppy = scopes.scopeOf('victim', false);
  const g = strict.g as Record<string, any>;
  g.fetch();
  g.globalThis.fetch();
  void g.document.title;
  g.console.log('hello');
  strict.y('fetch'); strict.y('secret'); strict.y('absentName'); strict.y('toString');
  strict.w(undefined); strict.w(g.globalThis);
  try { void g.secret; } catch { /* denied */ }
  try { void g.absentName; } catch { /* absent */ }
  void g.toString;
  g.hermeticShared = 2;
  try { g.absentName = 1; } catch { /* strict */ }
  try { g.fetch = 1; } catch { /* read only */ }
  (sloppy.g as Record<string, unknown>).createdName = 1;
  // The package's own process.env, used every way a package can (through the test's own Reflect functions).
  const env = g.process.env as Record<string, unknown>;
  void env.HOME; void env.ABSENT_VARIABLE; void ('HOME' in env); void ('ABSENT_VARIABLE' in env);
  env.WRITTEN = 1;
  delete env.DELETED;
  defineProperty(env, 'DEFINED', { __proto__: null, value: 'd', writable: true, enumerable: true, configurable: true } as PropertyDescriptor);
  for (const key of ownKeys(env)) getOwnPropertyDescriptor(env, key);
  getPrototypeOf(env);
  const listener = function listener(): void { /* a package's listener */ };
  g.addEventListener('x', listener);
  g.removeEventListener('x', listener);
  g.setTimeout(function callback() { /* a package's timer */ });
  apply(mapSet, promises, [0, strict.d('./x.js', 'node_modules/victim/index.js:1:1')]);
  try { scopes.denied('Package "victim" may not import package "other"'); } catch { /* denial */ }
  const debug = debugScopes.scopeOf('victim', true);
  void (debug.g as Record<string, unknown>).secret;
  debug.y('secret');
  apply(mapSet, promises, [1, debug.d('./x.js', 'node_modules/victim/index.js:1:1')]);
  return strict;
}

/** The victim's capabilities: what the attacker must never hold. */
function secretsOf(host: Record<string, unknown>, strict: PackageScope): Set<unknown> {
  const secrets = new Set<unknown>([host, strict, strict.g, strict.t, getPrototypeOf(strict.g)]);
  for (const key of ownKeys(host)) if (typeof host[key as string] === 'function' && !['Object', 'Function', 'Array', 'Promise', 'Error', 'TypeError', 'ReferenceError', 'Map', 'Set', 'WeakMap', 'Symbol', 'String', 'Proxy'].includes(key as string)) secrets.add(host[key as string]);
  for (const key of ['console', 'document']) secrets.add(host[key]);
  // The host's environment, and the victim's own view of it (whose overlay another package must not write).
  secrets.add((host.process as { env: object }).env);
  secrets.add((strict.g as { process: { env: object } }).process.env);
  const global = (strict.g as Record<string, object>).globalThis;
  secrets.add(global);
  for (const key of ownKeys(global)) {
    const descriptor = getOwnPropertyDescriptor(global, key)!;
    if (descriptor.get) { secrets.add(descriptor.get); secrets.add(descriptor.set); secrets.add((global as Record<PropertyKey, unknown>)[key]); }
  }
  for (const secret of secrets) if (secret === null || (typeof secret !== 'object' && typeof secret !== 'function')) secrets.delete(secret);
  return secrets;
}

/**
 * The path by which `value`, or what it holds within two steps (own properties, accessor functions, Map and
 * Set entries), is a secret; undefined when it is none. The bootstrap's own tables (Maps, Sets) count too.
 */
function pathToSecret(value: unknown, secrets: Set<unknown>, depth = 2): string | undefined {
  if (secrets.has(value)) return '';
  if (depth === 0 || value === null || (typeof value !== 'object' && typeof value !== 'function')) return undefined;
  if (value === Object.prototype || value === Function.prototype || value === Array.prototype) return undefined;
  if (value instanceof Map || value instanceof Set || value instanceof WeakMap) return ' (a Map, Set or WeakMap)';
  for (const key of ownKeys(value)) {
    const descriptor = getOwnPropertyDescriptor(value, key)!;
    for (const part of [descriptor.value, descriptor.get, descriptor.set]) {
      const path = pathToSecret(part, secrets, depth - 1);
      if (path !== undefined) return `.${String(key)}${path}`;
    }
  }
  return undefined;
}

/** A short name for a leaked value (the objects themselves are too large to print). */
function describeValue(value: unknown, path: string): string {
  const what = typeof value === 'function' ? `function ${value.name}` : `object with keys ${ownKeys(value as object).slice(0, 4).map(String).join(', ')}`;
  return `${what}${path === '' ? '' : `, through ${path}`}`;
}

describe.each(POISONS.map((poison) => [poison.what, poison] as const))('after an attacker replaces %s', (_what, poison) => {
  test('another package\'s scope is made and used without the attacker receiving the host, its functions or that package\'s global', async () => {
    const host = makeHost();
    const scopes = createPackageScopes({ policy: POLICY, host });
    const debugScopes = createPackageScopes({ policy: POLICY, host, debug: true, warn: () => undefined });
    scopes.scopeOf('attacker', true);
    seen.clear();
    const restore = poison.install();
    const promises = new Map<number, unknown>();
    let thrown: unknown;
    try {
      victimRuns(scopes, debugScopes, promises);
    } catch (error) {
      thrown = error;
    } finally {
      restore();
    }
    await Promise.allSettled(promises.values());
    expect(thrown).toBeUndefined();
    const secrets = secretsOf(host, scopes.scopeOf('victim', true));
    const leaked: string[] = [];
    for (const value of seen.values()) {
      const path = pathToSecret(value, secrets);
      if (path !== undefined) leaked.push(describeValue(value, path));
    }
    expect(leaked).toEqual([]);
  });
});
