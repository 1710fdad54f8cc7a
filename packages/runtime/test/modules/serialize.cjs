// Turns observed values into JSON-safe data the same way in the native child
// process and in the Jest process, so outcomes compare structurally.
function serialize(value, seen = new Set()) {
  if (value === undefined) return { $: 'undefined' };
  if (typeof value === 'number' && !Number.isFinite(value)) return { $: String(value) };
  if (typeof value === 'bigint') return { $: `${value}n` };
  if (typeof value === 'symbol') return { $: value.toString() };
  if (typeof value === 'function') return { $: `function ${value.name}` };
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return { $: 'cycle' };
  seen.add(value);
  if (value instanceof Error) return { $: 'error', name: value.constructor.name };
  if (Array.isArray(value)) return value.map((v) => serialize(v, seen));
  const out = {};
  for (const key of Reflect.ownKeys(value)) {
    let v;
    try {
      v = Reflect.getOwnPropertyDescriptor(value, key);
      v = v && 'value' in v ? { ...v, value: serialize(v.value, seen) } : v && { get: typeof v.get, set: typeof v.set };
    } catch (error) {
      v = { $: 'throws', name: error.constructor.name };
    }
    out[String(key)] = v;
  }
  return { proto: Object.getPrototypeOf(value) === null ? null : 'object', own: out };
}
module.exports = { serialize };
