import { deleteKeysWithPrefix } from '@lab/common/services';
import { testKeyPrefix, testRedis } from '@lab/common/testing';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryStore, redisStore } from '../src/cache-store.ts';

const PREFIX = testKeyPrefix(import.meta.url);

let redis: Redis;
beforeAll(async () => {
  redis = await testRedis();
});
afterAll(async () => {
  await deleteKeysWithPrefix(redis, PREFIX);
  await redis.quit();
});

describe('cache stores', () => {
  it('name their kind for output', () => {
    expect(memoryStore<string>().kind).toBe('in-process');
    expect(redisStore<string>(redis, { prefix: PREFIX }).kind).toBe('redis');
  });

  it('the Redis store refuses an empty prefix: its keys would collide with everything else', () => {
    expect(() => redisStore<string>(redis, { prefix: '' })).toThrow(
      new Error('redisStore needs a non-empty key prefix'),
    );
  });
});
