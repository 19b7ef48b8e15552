import { randomUUID } from 'node:crypto';
import { redisForFile } from '@lab/common/testing';
import { describe, expect, it, vi } from 'vitest';
import { CacheAside } from '../src/cache-aside.ts';
import { type CacheStore, memoryStore, redisStore } from '../src/cache-store.ts';
import { RedisLock } from '../src/redis-lock.ts';
import { TtlLruCache } from '../src/ttl-lru-cache.ts';

// Every key this file writes starts with this; the Redis is shared with other test files and engineers.
const { redis, prefix: PREFIX } = await redisForFile(import.meta.url);

/** A promise the test settles by hand. */
function gate<T>() {
  let open!: (value: T) => void;
  const promise = new Promise<T>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

/** A fake database row: the origin the cache stands in front of, counting its reads. */
function origin(initial: string) {
  const state = { value: initial, reads: 0 };
  const load = async () => {
    state.reads++;
    return state.value;
  };
  return { state, load };
}

const stores: Array<[string, () => CacheStore<string>]> = [
  ['in-process', () => memoryStore<string>()],
  ['redis', () => redisStore<string>(redis, { prefix: `${PREFIX}${randomUUID()}:` })],
];

describe.each(stores)('cache-aside on the %s store', (_name, makeStore) => {
  it('a miss loads and stores; the next read is a hit that does not reach the origin', async () => {
    const row = origin('v1');
    const cache = new CacheAside({ store: makeStore(), load: row.load, ttlMs: 60_000 });
    expect(await cache.get('user:1')).toBe('v1');
    expect(await cache.get('user:1')).toBe('v1');
    expect(await cache.get('user:1')).toBe('v1');
    expect(cache.stats).toMatchObject({ hits: 2, misses: 1, loads: 1 });
    expect(row.state.reads).toBe(1);
  });

  it('a write followed by invalidate() makes the next read load the new value', async () => {
    const row = origin('old price');
    const cache = new CacheAside({ store: makeStore(), load: row.load, ttlMs: 60_000 });
    expect(await cache.get('product:9')).toBe('old price');
    row.state.value = 'new price';
    expect(await cache.get('product:9')).toBe('old price');
    await cache.invalidate('product:9');
    expect(await cache.get('product:9')).toBe('new price');
    expect(cache.stats).toMatchObject({ hits: 1, misses: 2, loads: 2 });
  });

  it('100 concurrent misses on one key make exactly one origin call', async () => {
    const release = gate<string>();
    let calls = 0;
    const cache = new CacheAside({
      store: makeStore(),
      ttlMs: 60_000,
      load: () => {
        calls++;
        return release.promise;
      },
    });
    const all = Promise.all(Array.from({ length: 100 }, () => cache.get('hot')));
    await vi.waitFor(() => expect(cache.stats.misses).toBe(100), { timeout: 10_000 });
    release.open('computed');
    expect(new Set(await all)).toEqual(new Set(['computed']));
    expect(calls).toBe(1);
  });

  it('without single-flight the same 100 misses make 100 origin calls (the stampede)', async () => {
    const release = gate<string>();
    let calls = 0;
    const cache = new CacheAside({
      store: makeStore(),
      ttlMs: 60_000,
      singleFlight: false,
      load: () => {
        calls++;
        return release.promise;
      },
    });
    const all = Promise.all(Array.from({ length: 100 }, () => cache.get('hot')));
    await vi.waitFor(() => expect(calls).toBe(100), { timeout: 10_000 });
    release.open('computed');
    await all;
    expect(cache.stats.loads).toBe(100);
  });

  it('a value loaded before a write is returned to its caller but not cached', async () => {
    const release = gate<string>();
    let calls = 0;
    const cache = new CacheAside({
      store: makeStore(),
      ttlMs: 60_000,
      load: async () => (++calls === 1 ? release.promise : 'after write'),
    });
    const early = cache.get('k');
    await vi.waitFor(() => expect(calls).toBe(1), { timeout: 10_000 });
    await cache.invalidate('k');
    release.open('before write');
    expect(await early).toBe('before write');
    expect(cache.stats.discarded).toBe(1);
    expect(await cache.get('k')).toBe('after write');
  });

  it('caches "not found" (null) as a hit, so a missing id does not hammer the origin', async () => {
    let calls = 0;
    const cache = new CacheAside<string | null>({
      store: makeStore() as CacheStore<string | null>,
      ttlMs: 60_000,
      load: async () => {
        calls++;
        return null;
      },
    });
    expect(await cache.get('user:404')).toBeNull();
    expect(await cache.get('user:404')).toBeNull();
    expect(calls).toBe(1);
  });

  it('a failed load is not cached: the next read tries the origin again', async () => {
    let calls = 0;
    const cache = new CacheAside({
      store: makeStore(),
      ttlMs: 60_000,
      load: async () => {
        if (++calls === 1) throw new Error('timeout');
        return 'ok';
      },
    });
    await expect(cache.get('k')).rejects.toThrow('timeout');
    expect(await cache.get('k')).toBe('ok');
  });
});

describe('when the store fails (Redis down)', () => {
  const broken: CacheStore<string> = {
    kind: 'broken',
    get: async () => {
      throw new Error('ECONNREFUSED');
    },
    set: async () => {
      throw new Error('ECONNREFUSED');
    },
    delete: async () => {
      throw new Error('ECONNREFUSED');
    },
  };

  it('reads fail open: every request is served from the origin and the errors are counted', async () => {
    const row = origin('from the database');
    const reported: unknown[] = [];
    const cache = new CacheAside({
      store: broken,
      load: row.load,
      ttlMs: 60_000,
      onStoreError: (e) => reported.push(e),
    });
    expect(await cache.get('k')).toBe('from the database');
    expect(await cache.get('k')).toBe('from the database');
    expect(row.state.reads).toBe(2);
    // Two failed reads and two failed fills.
    expect(cache.stats).toMatchObject({ misses: 2, loads: 2, storeErrors: 4 });
    expect(reported).toHaveLength(4);
  });

  it('invalidation does not fail open: the writer hears that the cache may be stale', async () => {
    const cache = new CacheAside({ store: broken, load: async () => 'v', ttlMs: 60_000 });
    await expect(cache.invalidate('k')).rejects.toThrow('ECONNREFUSED');
  });
});

describe('two levels: in-process in front of Redis', () => {
  it('an L1 miss is answered by L2 without the origin; a cold key goes through both to the origin once', async () => {
    const row = origin('v');
    const l2 = new CacheAside({
      store: redisStore<string>(redis, { prefix: `${PREFIX}l2:` }),
      load: row.load,
      ttlMs: 60_000,
    });
    // Two instances, each with its own L1, sharing L2.
    const instances = [1, 2].map(
      () => new CacheAside({ store: memoryStore<string>(), load: (key) => l2.get(key), ttlMs: 5_000 }),
    );
    expect(await instances[0]?.get('k')).toBe('v');
    expect(await instances[1]?.get('k')).toBe('v');
    expect(await instances[1]?.get('k')).toBe('v');
    expect(row.state.reads).toBe(1);
    expect(l2.stats).toMatchObject({ hits: 1, misses: 1 });
    expect(instances[1]?.stats).toMatchObject({ hits: 1, misses: 1 });
  });
});

describe('TTLs', () => {
  it('the in-process store expires an entry at its TTL (injected clock)', async () => {
    let now = 0;
    const store = memoryStore(new TtlLruCache<string, string>({ maxEntries: 10, ttlMs: 1, now: () => now }));
    const row = origin('v');
    const cache = new CacheAside({ store, load: row.load, ttlMs: 5_000 });
    await cache.get('k');
    now = 4_999;
    await cache.get('k');
    now = 5_000;
    await cache.get('k');
    expect(row.state.reads).toBe(2);
    expect(cache.stats).toMatchObject({ hits: 1, misses: 2 });
  });

  it('the Redis store writes the value and its expiry in one SET … PX', async () => {
    const prefix = `${PREFIX}ttl:`;
    const cache = new CacheAside({
      store: redisStore<string>(redis, { prefix }),
      load: async () => 'v',
      ttlMs: 30_000,
    });
    await cache.get('k');
    const ttl = await redis.pttl(`${prefix}k`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(30_000);
    expect(await redis.get(`${prefix}k`)).toBe('"v"');
  });

  it('a TTL function gives "not found" a shorter life than a found value', async () => {
    const prefix = `${PREFIX}ttl-fn:`;
    const cache = new CacheAside<string | null>({
      store: redisStore<string | null>(redis, { prefix }),
      load: async (key) => (key === 'missing' ? null : 'found'),
      ttlMs: (value) => (value === null ? 2_000 : 60_000),
    });
    await Promise.all([cache.get('missing'), cache.get('present')]);
    const [missing, present] = await Promise.all([
      redis.pttl(`${prefix}missing`),
      redis.pttl(`${prefix}present`),
    ]);
    expect(missing).toBeGreaterThan(0);
    expect(missing).toBeLessThanOrEqual(2_000);
    expect(present).toBeGreaterThan(2_000);
  });

  it('rejects a non-positive TTL', () => {
    expect(() => new CacheAside({ store: memoryStore<string>(), load: async () => 'v', ttlMs: 0 })).toThrow(
      RangeError,
    );
  });
});

describe('stampede across processes: a Redis lock', () => {
  // Two "instances" of an API: separate CacheAside objects (separate single-flight maps), one shared Redis.
  function instances(withLock: boolean, load: () => Promise<string>) {
    const prefix = `${PREFIX}${randomUUID()}:`;
    const locks = [1, 2].map(() => new RedisLock(redis, { prefix: `${prefix}lock:`, leaseMs: 20_000 }));
    const apis = locks.map(
      (lock) =>
        new CacheAside({
          store: redisStore<string>(redis, { prefix }),
          load,
          ttlMs: 60_000,
          lockWaitMs: 20_000,
          lockPollMs: 5,
          ...(withLock ? { lock } : {}),
        }),
    );
    return { apis, locks };
  }

  it('without a lock each instance makes its own origin call', async () => {
    const release = gate<string>();
    let calls = 0;
    const { apis } = instances(false, () => {
      calls++;
      return release.promise;
    });
    const all = Promise.all(apis.flatMap((api) => Array.from({ length: 50 }, () => api.get('hot'))));
    await vi.waitFor(() => expect(calls).toBe(2), { timeout: 10_000 });
    release.open('v');
    await all;
    expect(calls).toBe(2);
  });

  it('with the lock, 2 instances × 50 concurrent misses make exactly one origin call', async () => {
    const release = gate<string>();
    let calls = 0;
    const { apis, locks } = instances(true, () => {
      calls++;
      return release.promise;
    });
    const all = Promise.all(apis.flatMap((api) => Array.from({ length: 50 }, () => api.get('hot'))));
    // Both instances have missed and tried the lock: one holds it and is loading, the other is polling.
    // Only then does the origin answer.
    await vi.waitFor(
      () => {
        expect(apis.map((api) => api.stats.misses)).toEqual([50, 50]);
        expect(locks.map((l) => l.stats.acquired + l.stats.refused)).toEqual([1, 1]);
        expect(calls).toBe(1);
      },
      { timeout: 10_000 },
    );
    release.open('v');
    expect(new Set(await all)).toEqual(new Set(['v']));
    expect(calls).toBe(1);
    expect(apis.reduce((sum, api) => sum + api.stats.waited, 0)).toBe(1);
  });

  it('the lock is released after the load, and only by its holder', async () => {
    const lock = new RedisLock(redis, { prefix: `${PREFIX}lock-release:`, leaseMs: 10_000 });
    const release = await lock.tryAcquire('k');
    expect(release).toBeDefined();
    expect(await lock.tryAcquire('k')).toBeUndefined();
    // Simulate the lease running out and another process taking the lock.
    await redis.set(`${PREFIX}lock-release:k`, 'someone else', 'PX', 10_000);
    await release?.();
    expect(await redis.get(`${PREFIX}lock-release:k`)).toBe('someone else');
    expect(lock.stats).toEqual({ acquired: 1, refused: 1 });
  });
});
