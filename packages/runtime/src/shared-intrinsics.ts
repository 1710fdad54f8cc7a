/**
 * The non-function objects every global shares: prototypes and namespaces
 * reachable from the standard built-ins (Object.prototype, Error.prototype,
 * Math, JSON, the iterator and async/generator function prototypes…).
 * A membrane passes them through unwrapped, so that `error instanceof
 * TypeError` and other prototype identities hold on both sides. Functions
 * are always wrapped: a host that calls an intrinsic method on a membrane
 * proxy must go through the membrane to reach the real receiver.
 */
import { isObject } from './shared-helpers.js';
import { standardGlobalNames } from './standard-globals.js';

let shared: WeakSet<object> | undefined;

/**
 * Intrinsics that only syntax or iteration reaches. Generator objects and
 * %TypedArray% need no seed: the walk reaches them through the generator
 * functions' `prototype` and every value's [[Prototype]].
 */
function syntaxReachableSeeds(): unknown[] {
  return [
    async function () {},
    function* () {},
    async function* () {},
    [][Symbol.iterator](),
    new Map()[Symbol.iterator](),
    new Set()[Symbol.iterator](),
    ''[Symbol.iterator](),
    /x/[Symbol.matchAll](''),
  ];
}

function collect(): WeakSet<object> {
  const found = new WeakSet<object>();
  const pending: unknown[] = standardGlobalNames.map((name) => (globalThis as Record<string, unknown>)[name]);
  pending.push(...syntaxReachableSeeds());
  const visited = new Set<object>();
  while (pending.length > 0) {
    const value = pending.pop();
    if (!isObject(value) || visited.has(value)) continue;
    visited.add(value);
    if (typeof value !== 'function') found.add(value);
    pending.push(Reflect.getPrototypeOf(value));
    for (const key of Reflect.ownKeys(value)) {
      const descriptor = Reflect.getOwnPropertyDescriptor(value, key);
      if (descriptor === undefined) continue;
      pending.push(descriptor.value, descriptor.get, descriptor.set);
    }
  }
  return found;
}

/** True for a shared intrinsic non-function object. */
export function isSharedIntrinsicObject(value: object): boolean {
  shared ??= collect();
  return shared.has(value);
}
