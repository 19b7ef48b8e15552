/** Milliseconds since some fixed point; injected so that tests can move time by hand. */
export type Clock = () => number;

export interface TtlLruOptions {
  /** Most entries kept; the least recently used one is evicted to make room. */
  maxEntries: number;
  /** Default time to live of an entry, in milliseconds. */
  ttlMs: number;
  /** Defaults to `Date.now`. */
  now?: Clock;
}

/** What the cache has done since it was created (or since `resetStats()`). */
export interface CacheStats {
  hits: number;
  misses: number;
  /** Entries dropped because the cache was full. */
  evictions: number;
  /** Entries found past their deadline and dropped on read. */
  expirations: number;
}

interface Entry<V> {
  value: V;
  expiresAt: number;
}

/**
 * An in-process cache bounded by size (least recently used goes first) and by age (each entry has a
 * deadline). A `Map` remembers insertion order, so deleting and re-inserting a key on every hit keeps the
 * most recently used key last and the eviction candidate first.
 *
 * Eviction reads the oldest key through one long-lived iterator. `map.keys().next()` on a fresh iterator
 * looks O(1) but is not in V8: deleted entries stay as holes at the front of the table until it is
 * rebuilt, and every fresh iterator walks over all of them (the bench measures a 5-10× slowdown). A Map
 * iterator is live (it sees entries added after it was made, skips deleted ones), and everything before
 * its position has already been evicted, so its next key is always the oldest one.
 */
export class TtlLruCache<K, V> {
  readonly #entries = new Map<K, Entry<V>>();
  #oldest: Iterator<K> = this.#entries.keys();
  readonly #maxEntries: number;
  readonly #ttlMs: number;
  readonly #now: Clock;
  #stats: CacheStats = { hits: 0, misses: 0, evictions: 0, expirations: 0 };

  constructor({ maxEntries, ttlMs, now = Date.now }: TtlLruOptions) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1)
      throw new RangeError(`maxEntries must be a positive integer, got ${maxEntries}`);
    assertTtl(ttlMs);
    this.#maxEntries = maxEntries;
    this.#ttlMs = ttlMs;
    this.#now = now;
  }

  /** The value, marking the key most recently used; `undefined` when absent or expired. */
  get(key: K): V | undefined {
    const entry = this.#live(key);
    if (!entry) {
      this.#stats.misses++;
      return undefined;
    }
    this.#stats.hits++;
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry.value;
  }

  /** The value without touching recency or the hit/miss counts. */
  peek(key: K): V | undefined {
    return this.#live(key)?.value;
  }

  has(key: K): boolean {
    return this.#live(key) !== undefined;
  }

  /** Stores `value` as the most recently used entry; `ttlMs` overrides the default for this entry. */
  set(key: K, value: V, ttlMs = this.#ttlMs): this {
    assertTtl(ttlMs);
    // Deleting first moves an existing key to the end instead of leaving it at its old position.
    this.#entries.delete(key);
    this.#entries.set(key, { value, expiresAt: this.#now() + ttlMs });
    while (this.#entries.size > this.#maxEntries) {
      let oldest = this.#oldest.next();
      // A finished iterator stays finished; it can only finish on an empty map, but be safe.
      if (oldest.done) {
        this.#oldest = this.#entries.keys();
        oldest = this.#oldest.next();
        if (oldest.done) break;
      }
      this.#entries.delete(oldest.value);
      this.#stats.evictions++;
    }
    return this;
  }

  delete(key: K): boolean {
    return this.#entries.delete(key);
  }

  clear(): void {
    this.#entries.clear();
    this.#oldest = this.#entries.keys();
  }

  /** Entries held, including expired ones not yet read (expiry is lazy: nothing runs on a timer). */
  get size(): number {
    return this.#entries.size;
  }

  /** Keys from least to most recently used: the order in which they would be evicted. */
  keys(): K[] {
    return [...this.#entries.keys()];
  }

  get stats(): Readonly<CacheStats> {
    return { ...this.#stats };
  }

  resetStats(): void {
    this.#stats = { hits: 0, misses: 0, evictions: 0, expirations: 0 };
  }

  #live(key: K): Entry<V> | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (this.#now() >= entry.expiresAt) {
      this.#entries.delete(key);
      this.#stats.expirations++;
      return undefined;
    }
    return entry;
  }
}

function assertTtl(ttlMs: number): void {
  if (!Number.isFinite(ttlMs) || ttlMs <= 0)
    throw new RangeError(`ttlMs must be a positive number of milliseconds, got ${ttlMs}`);
}
