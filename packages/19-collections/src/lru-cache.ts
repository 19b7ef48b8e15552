/**
 * A least-recently-used cache on a `Map`, whose iteration order is insertion order: the first key is the
 * oldest. Python reaches for `OrderedDict.move_to_end`; here "move to the end" is delete + set, because
 * `set` on a key that is already there keeps its old position.
 */
export class LruCache<K, V> {
  readonly #entries = new Map<K, V>();
  readonly capacity: number;
  /** Keys dropped to make room, oldest first, so a caller (or a test) can see what the policy chose. */
  readonly #onEvict: ((key: K, value: V) => void) | undefined;

  constructor(capacity: number, onEvict?: (key: K, value: V) => void) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
    this.capacity = capacity;
    this.#onEvict = onEvict;
  }

  /** The value, marking `key` most recently used; `undefined` on a miss. */
  get(key: K): V | undefined {
    if (!this.#entries.has(key)) return undefined;
    const value = this.#entries.get(key) as V;
    this.#entries.delete(key);
    this.#entries.set(key, value);
    return value;
  }

  /** The value without changing the order (a read that must not count as use). */
  peek(key: K): V | undefined {
    return this.#entries.get(key);
  }

  has(key: K): boolean {
    return this.#entries.has(key);
  }

  /** Stores `value` as the most recently used entry, evicting the least recently used one when full. */
  set(key: K, value: V): this {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    if (this.#entries.size > this.capacity) {
      // A fresh iterator's first key is the oldest. V8 makes it walk over the holes deleted entries leave
      // until the table is rebuilt; fine at this size (34 latency-optimization keeps one live iterator).
      const oldest = this.#entries.entries().next();
      if (!oldest.done) {
        const [oldKey, oldValue] = oldest.value;
        this.#entries.delete(oldKey);
        this.#onEvict?.(oldKey, oldValue);
      }
    }
    return this;
  }

  delete(key: K): boolean {
    return this.#entries.delete(key);
  }

  get size(): number {
    return this.#entries.size;
  }

  /** Keys from least to most recently used: the order in which they would be evicted. */
  keys(): K[] {
    return [...this.#entries.keys()];
  }
}
