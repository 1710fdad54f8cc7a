/**
 * Names every compartment already has: the ECMAScript intrinsics (shared,
 * never a policy matter) and the compartment's own global aliases.
 */

/** ECMAScript global properties, shared by every compartment (one string: it ships in every bundle's bootstrap). */
export const INTRINSIC_NAMES: readonly string[] = (
  'Object Function Array Number parseFloat parseInt Infinity NaN undefined Boolean String Symbol ' +
  'Date Promise RegExp Error AggregateError EvalError RangeError ReferenceError SyntaxError ' +
  'TypeError URIError JSON Math Intl ArrayBuffer SharedArrayBuffer Atomics Uint8Array Int8Array ' +
  'Uint16Array Int16Array Uint32Array Int32Array Float16Array Float32Array Float64Array ' +
  'Uint8ClampedArray BigUint64Array BigInt64Array DataView Map BigInt Set WeakMap WeakSet WeakRef ' +
  'FinalizationRegistry Proxy Reflect decodeURI decodeURIComponent encodeURI encodeURIComponent ' +
  'escape unescape eval isFinite isNaN Iterator Compartment harden arguments'
).split(' ');

/** {@link INTRINSIC_NAMES} as a set. */
export const INTRINSIC_GLOBALS: ReadonlySet<string> = /* @__PURE__ */ new Set(INTRINSIC_NAMES);

/** Names that mean the compartment's own global object inside a package (an array: the bootstrap walks it by index). */
export const GLOBAL_ALIAS_NAMES: readonly string[] = ['globalThis', 'window', 'self', 'global'];

/** {@link GLOBAL_ALIAS_NAMES} as a set. */
export const GLOBAL_ALIASES: ReadonlySet<string> = /* @__PURE__ */ new Set(GLOBAL_ALIAS_NAMES);

/** True when a free reference is never a policy entry. */
export function isAlwaysAvailable(name: string): boolean {
  return INTRINSIC_GLOBALS.has(name) || GLOBAL_ALIASES.has(name);
}
