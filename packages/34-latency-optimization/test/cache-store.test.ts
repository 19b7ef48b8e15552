import { redisForFile } from '@lab/common/testing';
import { describe, expect, it } from 'vitest';
import { memoryStore, redisStore } from '../src/cache-store.ts';

const { redis, prefix: PREFIX } = await redisForFile(import.meta.url);

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
