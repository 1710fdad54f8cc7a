/**
 * The names of the global object's properties that ECMA-262 itself defines
 * (19 The Global Object), minus `globalThis`, `eval` and `Function`, which
 * each evaluation context provides for itself. Host additions (`console`,
 * `setTimeout`, `process`, `window`, …) are not standard built-ins. One string
 * split at load time: shorter in a bundle than an array literal.
 */
export const standardGlobalNames: readonly string[] = /* @__PURE__ */ (
  'Infinity NaN undefined isFinite isNaN parseFloat parseInt decodeURI decodeURIComponent encodeURI encodeURIComponent ' +
  'AggregateError Array ArrayBuffer BigInt BigInt64Array BigUint64Array Boolean DataView Date ' +
  'Error EvalError FinalizationRegistry Float32Array Float64Array Int8Array Int16Array Int32Array ' +
  'Iterator Map Number Object Promise Proxy RangeError ReferenceError RegExp Set SharedArrayBuffer ' +
  'String Symbol SyntaxError TypeError Uint8Array Uint8ClampedArray Uint16Array Uint32Array ' +
  'URIError WeakMap WeakRef WeakSet Atomics JSON Math Reflect'
).split(' ');

/** Own-property descriptors of the standard built-ins (and of `extra` names) present on `source`. */
export function standardGlobalDescriptors(source: object, extra: readonly string[] = []): PropertyDescriptorMap {
  const descriptors: PropertyDescriptorMap = {};
  for (const name of [...standardGlobalNames, ...extra]) {
    const descriptor = Reflect.getOwnPropertyDescriptor(source, name);
    if (descriptor !== undefined) descriptors[name] = descriptor;
  }
  return descriptors;
}
