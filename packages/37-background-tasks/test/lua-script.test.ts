/**
 * EVALSHA with a load-and-retry on NOSCRIPT. Each test's script text is unique (a random comment), so its
 * hash is unknown to the server and the first call really meets NOSCRIPT, without flushing the scripts of
 * other tests. The scripts INCR a key before answering: Redis does not roll a script back, so the counter
 * says how many times the script ran.
 */
import { randomUUID } from 'node:crypto';
import { redisForFile } from '@lab/common/testing';
import { describe, expect, it } from 'vitest';
import { LuaScript } from '../src/_script.ts';

const { redis, prefix: PREFIX } = await redisForFile(import.meta.url);

const unique = (body: string) => new LuaScript(`-- ${randomUUID()}\n${body}`);

describe('LuaScript.run', () => {
  it('loads an unknown script on NOSCRIPT and runs it once', async () => {
    const script = unique("return redis.call('INCR', KEYS[1]) * tonumber(ARGV[1])");
    const key = `${PREFIX}loads`;
    expect(await redis.script('EXISTS', script.sha)).toEqual([0]);
    expect(await script.run(redis, [key], [10])).toBe(10);
    expect(await redis.script('EXISTS', script.sha)).toEqual([1]);
    expect(await redis.get(key)).toBe('1');
    // Loaded now: the hash alone runs it.
    expect(await script.run(redis, [key], [10])).toBe(20);
  });

  it('passes any other error through without loading or running the script again', async () => {
    const script = unique("redis.call('INCR', KEYS[1]); return redis.error_reply('ERR boom')");
    const key = `${PREFIX}errors`;
    await expect(script.run(redis, [key], [])).rejects.toThrow('boom');
    // The first call met NOSCRIPT and was retried once: one run.
    expect(await redis.get(key)).toBe('1');
    await expect(script.run(redis, [key], [])).rejects.toThrow('boom');
    // The script is loaded now: its error is not NOSCRIPT, so there is no retry: one more run, not two.
    expect(await redis.get(key)).toBe('2');
  });
});
