import type { Redis } from 'ioredis';
import { TtlLruCache } from './ttl-lru-cache.ts';

/**
 * Where cache-aside keeps its values. `undefined` means "not cached"; any other value, `null` included, is
 * a hit, so "this id does not exist" can be cached too (otherwise every request for a missing id reaches
 * the database).
 */
export interface CacheStore<V> {
  /** A short name for output: "in-process", "redis". */
  readonly kind: string;
  get(key: string): Promise<V | undefined>;
  set(key: string, value: V, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
}

/**
 * A store in this process's memory. Hits hand back the very object that was stored (no copy, no parse):
 * that is why it is fast, and why callers must not mutate what they get.
 */
export function memoryStore<V>(cache = new TtlLruCache<string, V>({ maxEntries: 1000, ttlMs: 60_000 })) {
  const store: CacheStore<V> & { cache: TtlLruCache<string, V> } = {
    kind: 'in-process',
    cache,
    get: async (key) => cache.get(key),
    set: async (key, value, ttlMs) => {
      cache.set(key, value, ttlMs);
    },
    delete: async (key) => {
      cache.delete(key);
    },
  };
  return store;
}

export interface RedisStoreOptions {
  /** Prepended to every key, so that several apps (or test files) share one Redis without collisions. */
  prefix: string;
}

/**
 * A store in Redis, shared by every process that points at it. Values travel as JSON: a hit costs a
 * network round trip plus `JSON.parse`, and only JSON-shaped values survive (no Date, Map or class).
 */
export function redisStore<V>(client: Redis, { prefix }: RedisStoreOptions): CacheStore<V> {
  if (prefix.length === 0) throw new Error('redisStore needs a non-empty key prefix');
  return {
    kind: 'redis',
    get: async (key) => {
      const raw = await client.get(prefix + key);
      return raw === null ? undefined : (JSON.parse(raw) as V);
    },
    set: async (key, value, ttlMs) => {
      // PX sets the value and its expiry in one command: no window in which the key lives forever.
      await client.set(prefix + key, JSON.stringify(value), 'PX', Math.max(1, Math.round(ttlMs)));
    },
    delete: async (key) => {
      await client.del(prefix + key);
    },
  };
}
