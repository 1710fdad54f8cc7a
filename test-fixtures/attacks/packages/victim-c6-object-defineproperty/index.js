// A package granted fetch, document and process, first used after an attacker replaced an intrinsic.
export function use() {
  return [typeof fetch, typeof document, typeof process, typeof fetch === 'function' ? fetch('/__noop').catch(() => undefined) : undefined];
}
