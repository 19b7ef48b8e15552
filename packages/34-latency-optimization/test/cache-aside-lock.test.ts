import { afterEach, describe, expect, it, vi } from 'vitest';
import { CacheAside } from '../src/cache-aside.ts';
import { type CacheStore, memoryStore } from '../src/cache-store.ts';
import type { RedisLock } from '../src/redis-lock.ts';

// The lock's protocol (what a waiting process does, when it gives up, how failures count) is tested here with a
// scripted lock and fake timers, so that polls can be counted exactly; redis-lock.test.ts and the stampede
// tests in cache-aside.test.ts cover the real Redis lock.

/** A lock whose answers the test scripts; counts acquisitions and releases. */
function scriptedLock(tryAcquire: () => Promise<(() => Promise<void>) | undefined>) {
  return { tryAcquire } as unknown as RedisLock;
}

/** A memory store counting its reads, optionally scripted to answer the first `misses` reads with nothing. */
function countingStore(misses = 0) {
  const inner = memoryStore<string>();
  const counts = { reads: 0, writes: 0 };
  const store: CacheStore<string> = {
    kind: inner.kind,
    get: async (key) => {
      counts.reads++;
      return counts.reads <= misses ? undefined : inner.get(key);
    },
    set: async (key, value, ttlMs) => {
      counts.writes++;
      await inner.set(key, value, ttlMs);
    },
    delete: (key) => inner.delete(key),
  };
  return { store, inner, counts };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('cache-aside with a lock held elsewhere', () => {
  it('polls the store every lockPollMs until lockWaitMs has passed, then loads itself', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] });
    const { store, counts } = countingStore();
    let loads = 0;
    const cache = new CacheAside({
      store,
      load: async () => `v${++loads}`,
      ttlMs: 60_000,
      lock: scriptedLock(async () => undefined),
      lockWaitMs: 1_000,
      lockPollMs: 100,
    });
    const value = cache.get('k');
    await vi.advanceTimersByTimeAsync(999);
    expect(loads).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(await value).toBe('v1');
    // The miss, then one read per poll at 100, 200, … 1000 ms: the deadline itself ends the wait.
    expect(counts.reads).toBe(11);
    expect(cache.stats).toMatchObject({ loads: 1, waited: 0 });
  });

  it('by default waits 2 s, polling every 10 ms', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] });
    const { store, counts } = countingStore();
    let loads = 0;
    const cache = new CacheAside({
      store,
      load: async () => `v${++loads}`,
      ttlMs: 60_000,
      lock: scriptedLock(async () => undefined),
    });
    const value = cache.get('k');
    await vi.advanceTimersByTimeAsync(1_990);
    expect(loads).toBe(0);
    expect(counts.reads).toBe(1 + 199);
    await vi.advanceTimersByTimeAsync(10);
    expect(await value).toBe('v1');
    expect(counts.reads).toBe(1 + 200);
  });

  it('a value the holder stores meanwhile is returned without loading', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] });
    const { store, inner } = countingStore();
    const cache = new CacheAside({
      store,
      load: async () => 'mine',
      ttlMs: 60_000,
      lock: scriptedLock(async () => undefined),
      lockWaitMs: 1_000,
      lockPollMs: 100,
    });
    const value = cache.get('k');
    await vi.advanceTimersByTimeAsync(250);
    await inner.set('k', 'theirs', 60_000);
    await vi.advanceTimersByTimeAsync(100);
    expect(await value).toBe('theirs');
    expect(cache.stats).toMatchObject({ loads: 0, waited: 1 });
  });
});

describe('cache-aside holding the lock', () => {
  it('returns what another process stored between the miss and the lock, without loading, and releases', async () => {
    // The first read misses; by the time the lock is ours the value is there.
    const { store, inner } = countingStore(1);
    await inner.set('k', 'stored meanwhile', 60_000);
    let releases = 0;
    let loads = 0;
    const cache = new CacheAside({
      store,
      load: async () => `loaded ${++loads}`,
      ttlMs: 60_000,
      lock: scriptedLock(async () => async () => {
        releases++;
      }),
    });
    expect(await cache.get('k')).toBe('stored meanwhile');
    expect(loads).toBe(0);
    expect(releases).toBe(1);
  });

  it('loads, stores and releases the lock after the load', async () => {
    const { store, counts } = countingStore();
    const order: string[] = [];
    const cache = new CacheAside({
      store,
      load: async () => {
        order.push('load');
        return 'v';
      },
      ttlMs: 60_000,
      lock: scriptedLock(async () => async () => {
        order.push('release');
      }),
    });
    expect(await cache.get('k')).toBe('v');
    expect(order).toEqual(['load', 'release']);
    expect(counts.writes).toBe(1);
  });

  it('a failed release is counted as a store error, and the caller still gets the value', async () => {
    const failure = new Error('redis gone');
    const seen: unknown[] = [];
    const cache = new CacheAside({
      store: memoryStore<string>(),
      load: async () => 'v',
      ttlMs: 60_000,
      lock: scriptedLock(async () => () => Promise.reject(failure)),
      onStoreError: (error) => seen.push(error),
    });
    expect(await cache.get('k')).toBe('v');
    expect(seen).toEqual([failure]);
    expect(cache.stats.storeErrors).toBe(1);
  });

  it('a lock that cannot be asked (Redis down) fails open: counted, reported, loaded from the origin', async () => {
    const failure = new Error('lock unreachable');
    const seen: unknown[] = [];
    const { store, counts } = countingStore();
    const cache = new CacheAside({
      store,
      load: async () => 'v',
      ttlMs: 60_000,
      lock: scriptedLock(() => Promise.reject(failure)),
      onStoreError: (error) => seen.push(error),
    });
    expect(await cache.get('k')).toBe('v');
    expect(seen).toEqual([failure]);
    expect(cache.stats).toMatchObject({ storeErrors: 1, loads: 1 });
    expect(counts.writes).toBe(1);
  });
});

describe('cache-aside details', () => {
  it('exposes its store', () => {
    const store = memoryStore<string>();
    expect(new CacheAside({ store, load: async () => 'v', ttlMs: 1 }).store).toBe(store);
  });

  it('invalidate() works without single-flight too', async () => {
    const { store, inner } = countingStore();
    const cache = new CacheAside({ store, load: async () => 'v', ttlMs: 60_000, singleFlight: false });
    await cache.get('k');
    await cache.invalidate('k');
    expect(await inner.get('k')).toBeUndefined();
  });

  it('a load that returns undefined is a bug, named with its key', async () => {
    const cache = new CacheAside<string | null>({
      store: memoryStore<string | null>(),
      load: async () => undefined as unknown as string,
      ttlMs: 60_000,
    });
    await expect(cache.get('user:3')).rejects.toThrow(
      new TypeError('load("user:3") returned undefined; return null for "none"'),
    );
  });

  it.each([0, -5, Number.NaN, Number.POSITIVE_INFINITY])('rejects the TTL %s, naming it', (ttlMs) => {
    expect(() => new CacheAside({ store: memoryStore<string>(), load: async () => 'v', ttlMs })).toThrow(
      new RangeError(`ttlMs must be a positive number, got ${ttlMs}`),
    );
  });
});
