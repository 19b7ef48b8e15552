import { LRUCache } from 'lru-cache';
import { describe, expect, it } from 'vitest';
import { TtlLruCache } from '../src/ttl-lru-cache.ts';

/** A clock the test moves by hand. */
function manualClock(start = 1_000) {
  let now = start;
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('TtlLruCache: size bound (least recently used goes first)', () => {
  it('evicts the least recently set key when full', () => {
    const cache = new TtlLruCache<string, number>({ maxEntries: 3, ttlMs: 60_000 });
    cache.set('a', 1).set('b', 2).set('c', 3).set('d', 4);
    expect(cache.keys()).toEqual(['b', 'c', 'd']);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.stats.evictions).toBe(1);
  });

  it('a get makes a key the most recently used, so another key is evicted instead', () => {
    const cache = new TtlLruCache<string, number>({ maxEntries: 3, ttlMs: 60_000 });
    cache.set('a', 1).set('b', 2).set('c', 3);
    expect(cache.get('a')).toBe(1);
    cache.set('d', 4);
    expect(cache.keys()).toEqual(['c', 'a', 'd']);
    expect(cache.has('b')).toBe(false);
  });

  it('overwriting a key refreshes it and evicts nothing', () => {
    const cache = new TtlLruCache<string, number>({ maxEntries: 2, ttlMs: 60_000 });
    cache.set('a', 1).set('b', 2).set('a', 10);
    expect(cache.keys()).toEqual(['b', 'a']);
    expect(cache.get('a')).toBe(10);
    expect(cache.stats.evictions).toBe(0);
  });

  it('peek reads without refreshing recency or counting a hit', () => {
    const cache = new TtlLruCache<string, number>({ maxEntries: 2, ttlMs: 60_000 });
    cache.set('a', 1).set('b', 2);
    expect(cache.peek('a')).toBe(1);
    cache.set('c', 3);
    expect(cache.keys()).toEqual(['b', 'c']);
    expect(cache.stats).toEqual({ hits: 0, misses: 0, evictions: 1, expirations: 0 });
  });

  it('peek of an absent key is undefined, not a throw', () => {
    const cache = new TtlLruCache<string, number>({ maxEntries: 2, ttlMs: 60_000 });
    expect(cache.peek('a')).toBeUndefined();
  });

  it('evicts in the right order after clear() and after deletes', () => {
    const cache = new TtlLruCache<string, number>({ maxEntries: 2, ttlMs: 60_000 });
    cache.set('a', 1).set('b', 2).set('c', 3);
    cache.clear();
    cache.set('x', 1).set('y', 2);
    cache.delete('x');
    cache.set('z', 3).set('w', 4);
    expect(cache.keys()).toEqual(['z', 'w']);
    expect(cache.stats.evictions).toBe(2);
  });

  it('counts hits and misses', () => {
    const cache = new TtlLruCache<string, number>({ maxEntries: 10, ttlMs: 60_000 });
    cache.set('a', 1);
    cache.get('a');
    cache.get('a');
    cache.get('zzz');
    expect(cache.stats).toMatchObject({ hits: 2, misses: 1 });
    cache.resetStats();
    expect(cache.stats).toMatchObject({ hits: 0, misses: 0 });
  });

  it('returns the same answers as lru-cache over 20,000 random gets, sets and deletes', () => {
    // A seeded generator (mulberry32), so that a failure replays identically.
    let seed = 42;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
    };
    const ours = new TtlLruCache<number, number>({ maxEntries: 50, ttlMs: 3_600_000 });
    const theirs = new LRUCache<number, number>({ max: 50 });
    for (let i = 0; i < 20_000; i++) {
      const key = Math.floor(random() * 120);
      const op = random();
      if (op < 0.3) {
        ours.set(key, i);
        theirs.set(key, i);
      } else if (op < 0.35) {
        expect(ours.delete(key)).toBe(theirs.delete(key));
      } else {
        expect(ours.get(key)).toBe(theirs.get(key));
      }
    }
    expect(ours.keys()).toEqual([...theirs.rkeys()]);
  });
});

describe('TtlLruCache: age bound (injected clock)', () => {
  it('an entry is served until its deadline and gone at it', () => {
    const clock = manualClock();
    const cache = new TtlLruCache<string, string>({ maxEntries: 10, ttlMs: 1_000, now: clock.now });
    cache.set('k', 'v');
    clock.advance(999);
    expect(cache.get('k')).toBe('v');
    clock.advance(1);
    expect(cache.get('k')).toBeUndefined();
    expect(cache.stats).toEqual({ hits: 1, misses: 1, evictions: 0, expirations: 1 });
    expect(cache.size).toBe(0);
  });

  it('a per-entry TTL overrides the default', () => {
    const clock = manualClock();
    const cache = new TtlLruCache<string, string>({ maxEntries: 10, ttlMs: 1_000, now: clock.now });
    cache.set('short', 's', 100).set('long', 'l', 5_000).set('default', 'd');
    clock.advance(100);
    expect([cache.get('short'), cache.get('default'), cache.get('long')]).toEqual([undefined, 'd', 'l']);
    clock.advance(900);
    expect([cache.get('default'), cache.get('long')]).toEqual([undefined, 'l']);
  });

  it('a hit does not extend the deadline (TTL counts from the write, not the last read)', () => {
    const clock = manualClock();
    const cache = new TtlLruCache<string, string>({ maxEntries: 10, ttlMs: 1_000, now: clock.now });
    cache.set('k', 'v');
    clock.advance(600);
    expect(cache.get('k')).toBe('v');
    clock.advance(400);
    expect(cache.get('k')).toBeUndefined();
  });

  it('expiry is lazy: an expired entry holds its slot until it is read or evicted', () => {
    const clock = manualClock();
    const cache = new TtlLruCache<string, string>({ maxEntries: 10, ttlMs: 10, now: clock.now });
    cache.set('a', '1').set('b', '2');
    clock.advance(10);
    expect(cache.size).toBe(2);
    expect(cache.has('a')).toBe(false);
    expect(cache.size).toBe(1);
  });
});

describe('TtlLruCache: bad configuration', () => {
  it.each([0, -1, 1.5, Number.NaN])('rejects maxEntries %s', (maxEntries) => {
    expect(() => new TtlLruCache({ maxEntries, ttlMs: 1 })).toThrow(
      new RangeError(`maxEntries must be a positive integer, got ${maxEntries}`),
    );
  });

  it.each([0, -5, Number.POSITIVE_INFINITY])('rejects ttlMs %s', (ttlMs) => {
    expect(() => new TtlLruCache({ maxEntries: 1, ttlMs })).toThrow(/ttlMs/);
    expect(() => new TtlLruCache({ maxEntries: 1, ttlMs: 1 }).set('k', 1, ttlMs)).toThrow(/ttlMs/);
  });
});
