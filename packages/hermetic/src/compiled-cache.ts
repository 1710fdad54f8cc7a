/**
 * A bounded cache from (options, source text) to what compiling produced,
 * so that evaluating the same text again (a `Function` body built in a loop,
 * the same script in many globals) skips Babel. Entries are evicted in
 * insertion order once the cache holds `capacity` of them.
 */
export class CompiledCache<T> {
  readonly #entries = new Map<string, T>();

  constructor(private readonly capacity: number) {}

  /** Returns the cached value for `key`, or computes, stores and returns it. */
  get(key: string, compute: () => T): T {
    const cached = this.#entries.get(key);
    if (cached !== undefined) return cached;
    const value = compute();
    if (this.#entries.size >= this.capacity) {
      const oldest = this.#entries.keys().next();
      if (oldest.done !== true) this.#entries.delete(oldest.value);
    }
    this.#entries.set(key, value);
    return value;
  }
}
