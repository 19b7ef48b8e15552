import { manualClock } from '@lab/common/clock';
import { redisForFile } from '@lab/common/testing';
import { describe, expect, it } from 'vitest';
import { type BlobStore, MAX_KEY_LENGTH, memoryBlobStore, redisBlobStore } from '../src/adapter.ts';

const { redis, prefix: PREFIX } = await redisForFile(import.meta.url);

// One contract, run against both adapters: that they pass the same tests is what makes them swappable.
describe.each([
  ['memory', () => memoryBlobStore()],
  ['Redis', () => redisBlobStore(redis, `${PREFIX}${Math.random().toString(36).slice(2)}:`)],
] as const)('BlobStore contract: %s adapter', (_, make: () => BlobStore) => {
  it('put then get returns the value; a missing key is undefined (never null)', async () => {
    const store = make();
    await store.put('session:1', '{"user":7}');
    expect(await store.get('session:1')).toBe('{"user":7}');
    expect(await store.get('session:2')).toBeUndefined();
  });

  it('put overwrites; delete says whether something was there', async () => {
    const store = make();
    await store.put('k', 'a');
    await store.put('k', 'b');
    expect(await store.get('k')).toBe('b');
    expect(await store.delete('k')).toBe(true);
    expect(await store.delete('k')).toBe(false);
    expect(await store.get('k')).toBeUndefined();
  });

  it('values round-trip whole: empty, unicode, NUL and 100k characters', async () => {
    const store = make();
    for (const value of ['', 'café 📦', 'a\u0000b', 'x'.repeat(100_000)]) {
      await store.put('v', value);
      expect(await store.get('v')).toBe(value);
    }
  });

  it.each([
    ['NUL', 'a\u0000b', 'key: must not contain NUL (U+0000)'],
    ['a lone surrogate', 'a\ud800', 'key: must be well-formed UTF-16 (no lone surrogate)'],
    ['too long', 'k'.repeat(MAX_KEY_LENGTH + 1), 'key: must be at most 512 characters'],
    ['empty', '', 'key: must not be empty'],
    ['not a string', 42, 'key: must be a string'],
  ])('refuses a key that is %s, on put, get and delete', async (_, key, message) => {
    const store = make();
    await expect(store.put(key as string, 'v')).rejects.toThrow(message);
    await expect(store.get(key as string)).rejects.toThrow(message);
    await expect(store.delete(key as string)).rejects.toThrow(message);
  });

  it('accepts a key of exactly the maximum length', async () => {
    const store = make();
    await store.put('k'.repeat(MAX_KEY_LENGTH), 'edge');
    expect(await store.get('k'.repeat(MAX_KEY_LENGTH))).toBe('edge');
  });

  it('refuses a TTL that is not a positive integer', async () => {
    const store = make();
    for (const ttl of [0, -5, 1.5, Number.NaN])
      await expect(store.put('t', 'v', ttl)).rejects.toMatchObject({
        name: 'InvalidInputError',
        field: 'ttlMs',
        problem: 'out-of-range',
        message: 'ttlMs: must be a positive integer',
      });
    expect(await store.get('t')).toBeUndefined();
  });
});

describe('expiry', () => {
  it('memory: expires exactly at the TTL on the injected clock', async () => {
    const clock = manualClock();
    const store = memoryBlobStore(clock);
    await store.put('s', 'v', 1000);
    clock.advance(999);
    expect(await store.get('s')).toBe('v');
    clock.advance(1);
    expect(await store.get('s')).toBeUndefined();
    expect(await store.delete('s')).toBe(false);
  });

  it('memory: an entry put without a TTL never expires', async () => {
    const clock = manualClock();
    const store = memoryBlobStore(clock);
    await store.put('forever', 'v');
    clock.advance(10 * 365 * 24 * 3600 * 1000);
    expect(await store.get('forever')).toBe('v');
    expect(await store.delete('forever')).toBe(true);
  });

  it('Redis: the adapter turns the TTL into PSETEX, so Redis holds the expiry', async () => {
    const prefix = `${PREFIX}ttl:`;
    const store = redisBlobStore(redis, prefix);
    await store.put('s', 'v', 60_000);
    await store.put('forever', 'v');
    const ttl = await redis.pttl(`${prefix}s`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60_000);
    expect(await redis.pttl(`${prefix}forever`)).toBe(-1);
  });

  it('Redis: keys live under the prefix, so two stores do not see each other', async () => {
    const a = redisBlobStore(redis, `${PREFIX}a:`);
    const b = redisBlobStore(redis, `${PREFIX}b:`);
    await a.put('same', 'from a');
    expect(await b.get('same')).toBeUndefined();
    expect(await redis.get(`${PREFIX}a:same`)).toBe('from a');
  });
});
