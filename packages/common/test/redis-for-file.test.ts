import { describe, expect, it } from 'vitest';
import { redisForFile, testRedis } from '../src/testing.ts';

describe('redisForFile', () => {
  it('gives a working client and this file’s key prefix; its cleanup deletes those keys and closes the client', async () => {
    const cleanups: Array<() => Promise<void>> = [];
    const file = await redisForFile(import.meta.url, (cleanup) => cleanups.push(cleanup));
    expect(file.prefix).toMatch(/^t:common:redis-for-file:[0-9a-f]{8}:$/);
    await file.redis.set(`${file.prefix}a`, '1');
    await file.redis.set(`${file.prefix}b`, '2');
    const other = await testRedis();
    try {
      await other.set(`${file.prefix.slice(0, -1)}-not-ours`, 'kept');
      expect(cleanups).toHaveLength(1);
      await cleanups[0]?.();
      await expect(file.redis.get(`${file.prefix}a`)).rejects.toThrow('Connection is closed');
      expect(await other.keys(`${file.prefix}*`)).toEqual([]);
      // Only keys under the prefix go: a key that merely starts the same way stays.
      expect(await other.get(`${file.prefix.slice(0, -1)}-not-ours`)).toBe('kept');
    } finally {
      await other.del(`${file.prefix.slice(0, -1)}-not-ours`);
      await other.quit();
    }
  });
});
