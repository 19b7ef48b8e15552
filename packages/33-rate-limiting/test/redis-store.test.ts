import { randomBytes } from 'node:crypto';
import { deleteKeysWithPrefix, keysWithPrefix } from '@lab/common/services';
import { testKeyPrefix, testRedis } from '@lab/common/testing';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LuaScript, TTL_SLACK_MS } from '../src/_redis-script.ts';
import {
  ALGORITHMS,
  manualClock,
  nonAtomicFixedWindowRedis,
  replay,
  SEED_SLIDING_LOG_BUGGY,
  slidingLogRedis,
  tokenBucketRedis,
} from '../src/index.ts';

// Every key this file writes starts with this; afterAll deletes exactly those (never FLUSHDB: shared Redis).
const PREFIX = testKeyPrefix(import.meta.url);
// Windows are long (≥ 60 s of the injected clock) so that Redis's own clock can never expire a key while the
// test's clock still needs it: TTLs run on Redis time, decisions on the injected time.
const POLICY = { limit: 10, windowMs: 60_000 };
const T0 = 1_700_000_000_000;

let client: Redis;
const others: Redis[] = [];

beforeAll(async () => {
  client = await testRedis();
  for (let i = 0; i < 3; i++) others.push(await testRedis());
});

afterAll(async () => {
  await deleteKeysWithPrefix(client, PREFIX);
});

describe.each(ALGORITHMS.map((a) => [a.label, a] as const))('%s (Redis)', (_, algorithm) => {
  const prefix = `${PREFIX}${algorithm.name}:`;

  it('admits exactly limit of 60 concurrent requests on one connection', async () => {
    const limiter = algorithm.redis(client, POLICY, { now: () => T0, prefix: `${prefix}one:` });
    const decisions = await Promise.all(Array.from({ length: 60 }, () => limiter.consume('client')));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(10);
  });

  it('admits exactly limit of 80 concurrent requests spread over four connections', async () => {
    const limiters = [client, ...others].map((c) =>
      algorithm.redis(c, POLICY, { now: () => T0, prefix: `${prefix}four:` }),
    );
    const decisions = await Promise.all(
      Array.from({ length: 80 }, (_, i) => limiters[i % limiters.length]?.consume('client')),
    );
    expect(decisions.filter((d) => d?.allowed)).toHaveLength(10);
  });

  it('gives every key it writes a TTL', async () => {
    const clock = manualClock(T0);
    const limiter = algorithm.redis(client, POLICY, { now: clock.now, prefix: `${prefix}ttl:` });
    for (let i = 0; i < 40; i++) {
      clock.advance(997);
      await limiter.consume(`client-${i % 4}`); // admitted and rejected ones, over two windows
    }
    const keys = await keysWithPrefix(client, `${prefix}ttl:`);
    expect(keys.length).toBeGreaterThanOrEqual(4);
    const ttls = await Promise.all(keys.map((k) => client.pttl(k)));
    for (const ttl of ttls) {
      expect(ttl).toBeGreaterThan(0); // -1 would mean "no TTL": a key kept for ever
      expect(ttl).toBeLessThanOrEqual(2 * POLICY.windowMs + TTL_SLACK_MS); // and not much longer than it matters
    }
  });

  it('makes the same decisions as the in-process store, on a 300-request trace', async () => {
    let seed = 3;
    const times: number[] = [];
    let t = T0;
    for (let i = 0; i < 300; i++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      if (seed % 3 !== 0) t += seed % 9000;
      times.push(t);
    }
    const clock = manualClock();
    const [memory = [], redis = []] = await replay(
      times,
      [
        algorithm.memory(POLICY, { now: clock.now }),
        algorithm.redis(client, POLICY, { now: clock.now, prefix: `${prefix}same:` }),
      ],
      clock,
    );
    expect(redis).toEqual(memory);
    expect(memory.filter((d) => d.allowed).length).toBeGreaterThan(50);
    expect(memory.some((d) => !d.allowed)).toBe(true);
  });

  it('admits a retrying client exactly when Retry-After said, however often it was rejected', async () => {
    const clock = manualClock(T0 + 12_345);
    const limiter = algorithm.redis(client, POLICY, { now: clock.now, prefix: `${prefix}retry:` });
    for (let i = 0; i < 10; i++) await limiter.consume('client');
    const rejected = await limiter.consume('client');
    expect(rejected.allowed).toBe(false);
    const start = clock.now();
    const admitAt = start + rejected.retryAfterMs;
    for (let i = 1; i < 20; i++) {
      clock.set(start + Math.floor((i * (admitAt - 1 - start)) / 20));
      expect((await limiter.consume('client')).allowed).toBe(false);
    }
    clock.set(admitAt - 1);
    expect((await limiter.consume('client')).allowed).toBe(false);
    clock.set(admitAt);
    expect((await limiter.consume('client')).allowed).toBe(true);
  });
});

describe.each([
  ...[...ALGORITHMS, SEED_SLIDING_LOG_BUGGY].map((a) => [a.label, a.redis] as const),
  ['GET-then-SET fixed window', nonAtomicFixedWindowRedis] as const,
])('%s (Redis): keys', (label, make) => {
  it('refuses an empty or over-long key before sending anything, and takes one of 512 characters', async () => {
    const prefix = `${PREFIX}keys:${label.replace(/\W+/g, '-')}:`;
    const limiter = make(client, POLICY, { now: () => T0, prefix });
    for (const key of ['', 'k'.repeat(513)]) {
      await expect(Promise.resolve().then(() => limiter.consume(key))).rejects.toThrow(
        /non-empty string of at most 512/,
      );
    }
    expect(await keysWithPrefix(client, prefix)).toEqual([]);
    expect((await limiter.consume('k'.repeat(512))).allowed).toBe(true);
    expect(await keysWithPrefix(client, prefix)).toHaveLength(1);
  });
});

describe('default key prefixes', () => {
  it('each algorithm keeps its own state: one client, one Redis, five limiters, no crosstalk', async () => {
    const key = `lab-test-defaults-${randomBytes(4).toString('hex')}`;
    try {
      // One millisecond apart: the seed's log counts same-millisecond requests as one (its bug, shown elsewhere).
      let tick = T0;
      const limiters = [...ALGORITHMS, SEED_SLIDING_LOG_BUGGY].map((a) =>
        a.redis(client, { limit: 2, windowMs: 60_000 }, { now: () => tick++ }),
      );
      const admitted = [];
      for (const limiter of limiters) {
        let n = 0;
        for (let i = 0; i < 3; i++) if ((await limiter.consume(key)).allowed) n++;
        admitted.push(n);
      }
      expect(admitted).toEqual([2, 2, 2, 2, 2, 2]);
      const keys = [];
      for (const limiter of limiters) {
        expect(limiter.store).toBe('redis');
        keys.push(...(await keysWithPrefix(client, 'rl:')).filter((k) => k.includes(key)));
      }
      expect(new Set(keys).size).toBe(limiters.length);
    } finally {
      const keys = (await keysWithPrefix(client, 'rl:')).filter((k) => k.includes(key));
      if (keys.length > 0) await client.unlink(...keys);
    }
  });
});

describe('sliding log on Redis', () => {
  it('counts every request of a same-millisecond burst (members are unique, not the timestamp)', async () => {
    const limiter = slidingLogRedis(
      client,
      { limit: 50, windowMs: 60_000 },
      { now: () => T0, prefix: `${PREFIX}burst:` },
    );
    const decisions = await Promise.all(Array.from({ length: 70 }, () => limiter.consume('client')));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(50);
    expect(await client.zcard(`${PREFIX}burst:client`)).toBe(50);
  });
});

describe('why the read-decide-write must be one script', () => {
  it('a GET-then-SET fixed window admits the whole concurrent burst', async () => {
    const limiter = nonAtomicFixedWindowRedis(client, POLICY, { now: () => T0, prefix: `${PREFIX}race:` });
    const decisions = await Promise.all(Array.from({ length: 60 }, () => limiter.consume('client')));
    // Every GET is sent before any SET comes back, so every request reads 0.
    expect(decisions.filter((d) => d.allowed)).toHaveLength(60);
  });
});

describe('scripts travel as EVALSHA', () => {
  it('loads a script Redis does not know once, even when the first calls are concurrent', async () => {
    const script = new LuaScript(`-- ${randomBytes(8).toString('hex')}\nreturn 7`);
    const replies = await Promise.all(
      Array.from({ length: 5 }, () => script.run(client, `${PREFIX}x`, [], (r) => r)),
    );
    expect(replies).toEqual([7, 7, 7, 7, 7]);
    expect(script.loads).toBe(1);
    expect(await script.run(client, `${PREFIX}x`, [], (r) => r)).toBe(7);
    expect(script.loads).toBe(1);
  });

  it('a limiter decision is an EVALSHA on the wire', async () => {
    const own = await testRedis();
    const id = await own.client('ID');
    const limiter = tokenBucketRedis(own, POLICY, { now: () => T0, prefix: `${PREFIX}wire:` });
    await limiter.consume('client');
    await limiter.consume('client');
    // CLIENT LIST on another connection shows the last command this connection ran.
    const line = await client.client('LIST', 'ID', String(id));
    expect(String(line)).toMatch(/ cmd=evalsha /);
    await own.quit();
  });
});
