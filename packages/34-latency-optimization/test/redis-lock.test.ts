import { redisForFile } from '@lab/common/testing';
import { describe, expect, it } from 'vitest';
import { RedisLock } from '../src/redis-lock.ts';

// Every key this file writes starts with this; the Redis is shared with other test files.
const { redis, prefix: PREFIX } = await redisForFile(import.meta.url);

describe('RedisLock', () => {
  it('holds the lock in the key prefix + name, with the lease as its expiry', async () => {
    const lock = new RedisLock(redis, { prefix: `${PREFIX}a:`, leaseMs: 30_000 });
    const release = await lock.tryAcquire('product:1');
    expect(release).toBeTypeOf('function');
    const ttl = await redis.pttl(`${PREFIX}a:product:1`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(30_000);
    await release?.();
  });

  it('a second attempt is refused while held and succeeds after the release', async () => {
    const lock = new RedisLock(redis, { prefix: `${PREFIX}b:` });
    const release = await lock.tryAcquire('k');
    expect(await lock.tryAcquire('k')).toBeUndefined();
    await release?.();
    expect(await redis.exists(`${PREFIX}b:k`)).toBe(0);
    const again = await lock.tryAcquire('k');
    expect(again).toBeTypeOf('function');
    await again?.();
    expect(lock.stats).toEqual({ acquired: 2, refused: 1 });
  });

  it('rejects an empty prefix: lock keys would collide with everything else in the Redis', () => {
    expect(() => new RedisLock(redis, { prefix: '' })).toThrow('RedisLock needs a non-empty key prefix');
  });

  it.each([0, -1, 1.5, Number.NaN])('rejects leaseMs %s', (leaseMs) => {
    expect(() => new RedisLock(redis, { prefix: `${PREFIX}c:`, leaseMs })).toThrow(
      new RangeError(`leaseMs must be ≥ 1, got ${leaseMs}`),
    );
  });

  it('accepts the shortest lease, 1 ms', async () => {
    const lock = new RedisLock(redis, { prefix: `${PREFIX}d:`, leaseMs: 1 });
    expect(lock.stats).toEqual({ acquired: 0, refused: 0 });
  });
});
