import type { CacheStore } from './cache-store.ts';
import type { RedisLock } from './redis-lock.ts';
import { SingleFlight } from './single-flight.ts';

export interface CacheAsideOptions<V> {
  store: CacheStore<V>;
  /** The origin: the database query (or remote call) the cache stands in front of. */
  load: (key: string) => Promise<V>;
  /** Time to live of a stored value; a function can give "not found" (null) a shorter life than a hit. */
  ttlMs: number | ((value: V) => number);
  /** Share one origin call among concurrent misses on a key in this process. Default true. */
  singleFlight?: boolean;
  /** Also share it among processes: the lock holder loads, the others poll the store for its value. */
  lock?: RedisLock;
  /** How long a process that lost the lock waits for the holder's value before loading itself. */
  lockWaitMs?: number;
  /** How often a waiting process looks at the store. */
  lockPollMs?: number;
  /**
   * Called when the store (or the lock) fails on a read or a fill. The cache then fails open: the request
   * is served from the origin, because a Redis outage must not become an API outage. Invalidation does
   * not fail open: a write whose invalidation failed must hear about it.
   */
  onStoreError?: (error: unknown) => void;
}

/** What a cache-aside has done; `loads` is the number the stampede tests count. */
export interface CacheAsideStats {
  hits: number;
  misses: number;
  /** Origin calls. */
  loads: number;
  /** Misses answered by another process's load (lock lost, value appeared while polling). */
  waited: number;
  /** Loaded values not stored because a write invalidated the cache while they were being loaded. */
  discarded: number;
  /** Store or lock failures answered from the origin instead. */
  storeErrors: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Cache-aside (lazy loading): read the cache; on a miss read the origin and store the result with a TTL;
 * on a write, update the origin and then delete the cached key. The cache never talks to the database
 * itself, so it can be dropped or flushed at any time without losing data.
 */
export class CacheAside<V> {
  readonly #store: CacheStore<V>;
  readonly #load: (key: string) => Promise<V>;
  readonly #ttlMs: (value: V) => number;
  readonly #flight: SingleFlight<string, V> | undefined;
  readonly #lock: RedisLock | undefined;
  readonly #lockWaitMs: number;
  readonly #lockPollMs: number;
  readonly #onStoreError: (error: unknown) => void;
  // Bumped by every invalidation: a load that started before a write must not store what it read.
  #generation = 0;
  #stats: CacheAsideStats = { hits: 0, misses: 0, loads: 0, waited: 0, discarded: 0, storeErrors: 0 };

  constructor(options: CacheAsideOptions<V>) {
    const { ttlMs } = options;
    if (typeof ttlMs === 'number') assertTtl(ttlMs);
    this.#store = options.store;
    this.#load = options.load;
    this.#ttlMs = typeof ttlMs === 'number' ? () => ttlMs : (value) => assertTtl(ttlMs(value));
    this.#flight = options.singleFlight === false ? undefined : new SingleFlight();
    this.#lock = options.lock;
    this.#lockWaitMs = options.lockWaitMs ?? 2_000;
    this.#lockPollMs = options.lockPollMs ?? 10;
    this.#onStoreError = options.onStoreError ?? (() => {});
  }

  get store(): CacheStore<V> {
    return this.#store;
  }

  async get(key: string): Promise<V> {
    const cached = await this.#read(key);
    if (cached !== undefined) {
      this.#stats.hits++;
      return cached;
    }
    this.#stats.misses++;
    return this.#flight ? this.#flight.run(key, () => this.#fill(key)) : this.#fill(key);
  }

  /** Call after the write to the origin has committed (see the README on delete-before-write). */
  async invalidate(key: string): Promise<void> {
    this.#generation++;
    this.#flight?.forget(key);
    await this.#store.delete(key);
  }

  get stats(): Readonly<CacheAsideStats> {
    return { ...this.#stats };
  }

  /** The stored value; a failing store counts as a miss. */
  async #read(key: string): Promise<V | undefined> {
    try {
      return await this.#store.get(key);
    } catch (error) {
      this.#storeFailed(error);
      return undefined;
    }
  }

  #storeFailed(error: unknown): void {
    this.#stats.storeErrors++;
    this.#onStoreError(error);
  }

  async #fill(key: string): Promise<V> {
    if (!this.#lock) return this.#loadAndStore(key);
    let release: (() => Promise<void>) | undefined;
    try {
      release = await this.#lock.tryAcquire(key);
    } catch (error) {
      this.#storeFailed(error);
      return this.#loadAndStore(key);
    }
    if (release) {
      try {
        // Another process may have stored the value between our miss and our lock.
        const filled = await this.#read(key);
        if (filled !== undefined) return filled;
        return await this.#loadAndStore(key);
      } finally {
        // The lease expires by itself; a failed release costs the others a wait, not an error.
        await release().catch((error: unknown) => this.#storeFailed(error));
      }
    }
    const deadline = Date.now() + this.#lockWaitMs;
    while (Date.now() < deadline) {
      await sleep(this.#lockPollMs);
      const value = await this.#read(key);
      if (value !== undefined) {
        this.#stats.waited++;
        return value;
      }
    }
    // The holder is slow or died with the lock: answering late from the origin beats not answering.
    return this.#loadAndStore(key);
  }

  async #loadAndStore(key: string): Promise<V> {
    const generation = this.#generation;
    this.#stats.loads++;
    const value = await this.#load(key);
    if (value === undefined) throw new TypeError(`load("${key}") returned undefined; return null for "none"`);
    if (generation !== this.#generation) this.#stats.discarded++;
    else {
      const ttlMs = this.#ttlMs(value);
      await this.#store.set(key, value, ttlMs).catch((error: unknown) => this.#storeFailed(error));
    }
    return value;
  }
}

function assertTtl(ttlMs: number): number {
  if (!Number.isFinite(ttlMs) || ttlMs <= 0)
    throw new RangeError(`ttlMs must be a positive number, got ${ttlMs}`);
  return ttlMs;
}
