/**
 * The limiter's Redis client on a live Redis and through a connection that drops: enforcement from the very
 * first request, decisions by the fail policy while Redis is away, and enforcement again once it is back.
 * Everything waits on events (ready, close, a refused reconnect), never on elapsed time.
 */
import type { EventEmitter } from 'node:events';
import { FlakyLink } from '@lab/common/flaky-link';
import { listen } from '@lab/common/http';
import { freePort } from '@lab/common/services';
import { testKeyPrefix, testRedis } from '@lab/common/testing';
import express from 'express';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  connectLimiterClient,
  type FailPolicyEvent,
  fixedWindowRedis,
  LIMITER_CLIENT_OPTIONS,
  limiterClientOptions,
  manualClock,
  rateLimit,
  reconnectDelay,
  withFailPolicy,
} from '../src/index.ts';

const PREFIX = testKeyPrefix(import.meta.url);
const POLICY = { limit: 3, windowMs: 60_000 };
const T0 = 1_700_000_000_000;

let admin: Redis;
const cleanups: Array<() => unknown> = [];

beforeAll(async () => {
  admin = await testRedis();
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
afterAll(async () => {
  const keys = await admin.keys(`${PREFIX}*`);
  if (keys.length > 0) await admin.unlink(...keys);
});

/** The next `event` from `emitter`; unlike `events.once`, an 'error' on the way does not reject it. */
const next = (emitter: EventEmitter, event: string): Promise<void> =>
  new Promise((resolve) => emitter.once(event, () => resolve()));

describe('reconnectDelay', () => {
  it('doubles from the first delay and stays at the cap', () => {
    const delay = reconnectDelay({ firstDelayMs: 50, maxDelayMs: 1000 });
    expect([1, 2, 3, 4, 5, 6, 7, 50].map(delay)).toEqual([50, 100, 200, 400, 800, 1000, 1000, 1000]);
  });

  it('defaults to 50 ms doubling up to 2 s, and never gives up (never null)', () => {
    const delay = reconnectDelay();
    expect([1, 2, 6, 7, 1000].map(delay)).toEqual([50, 100, 1600, 2000, 2000]);
    expect(LIMITER_CLIENT_OPTIONS).toMatchObject({ enableOfflineQueue: false, maxRetriesPerRequest: 0 });
    expect(LIMITER_CLIENT_OPTIONS.retryStrategy?.(1000)).toBe(2000);
  });

  it.each([
    [{ firstDelayMs: 0 }],
    [{ firstDelayMs: -1 }],
    [{ firstDelayMs: 100, maxDelayMs: 50 }],
    [{ firstDelayMs: Number.NaN }],
  ])('refuses %j', (backoff) => {
    expect(() => reconnectDelay(backoff)).toThrow(RangeError);
  });
});

describe('a fresh limiter on a live Redis', () => {
  const serveLimited = async (client: Redis, tag: string) => {
    const log: FailPolicyEvent[] = [];
    const limiter = fixedWindowRedis(client, POLICY, { now: () => T0, prefix: `${PREFIX}${tag}:` });
    const app = express();
    app.use(rateLimit({ limiter, log: (e) => log.push(e) }));
    app.get('/', (_req, res) => {
      res.json({ ok: true });
    });
    const server = await listen(app);
    cleanups.push(() => server.close());
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await fetch(server.url)).status);
    return { statuses, log };
  };

  it('limits from the very first request: limit 3, 8 requests → exactly 3 admitted', async () => {
    const client = await connectLimiterClient(
      `redis://${admin.options.host}:${admin.options.port}/${admin.options.db ?? 0}`,
    );
    cleanups.push(() => client.disconnect());
    const { statuses, log } = await serveLimited(client, 'first');
    expect(statuses).toEqual([200, 200, 200, 429, 429, 429, 429, 429]);
    expect(log).toEqual([]); // no request was decided without the store
  });

  it('the pitfall it avoids: the same client options, used before the connection is ready, fail open', async () => {
    const client = new Redis({ ...admin.options, ...limiterClientOptions() });
    client.on('error', () => {});
    cleanups.push(() => client.disconnect());
    const { statuses, log } = await serveLimited(client, 'unready');
    expect(statuses[0]).toBe(200);
    expect(log[0]).toMatchObject({ event: 'rate-limit-store-down' });
    // More than 3 admitted: the first requests were never counted.
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(3);
  });

  it('a Redis that is not there: the client is handed over anyway, still reconnecting', async () => {
    const port = await freePort();
    const client = await connectLimiterClient(
      { host: '127.0.0.1', port },
      { readyTimeoutMs: 50, firstDelayMs: 5 },
    );
    cleanups.push(() => client.disconnect());
    expect(['connecting', 'reconnecting']).toContain(client.status);
    const guarded = withFailPolicy(fixedWindowRedis(client, POLICY, { prefix: `${PREFIX}absent:` }), {
      onStoreError: 'closed',
      log: () => {},
    });
    expect(await guarded.consume('k')).toMatchObject({ allowed: false, degraded: 'closed' });
  });
});

describe.each(['open', 'closed'] as const)(
  'Redis drops the connection and comes back (fail %s)',
  (policy) => {
    it('decides by the policy while down, then enforces the limit again and logs the recovery', async () => {
      const proxy = await new FlakyLink(
        admin.options.host ?? '127.0.0.1',
        admin.options.port ?? 6379,
      ).start();
      cleanups.push(() => proxy.close());
      const client = await connectLimiterClient(
        { host: '127.0.0.1', port: proxy.port, db: admin.options.db ?? 0 },
        { firstDelayMs: 5, maxDelayMs: 20 },
      );
      cleanups.push(() => client.disconnect());
      expect(client.status).toBe('ready');

      const clock = manualClock(0); // the fail policy's "skip the store" pause runs on this clock
      const log: FailPolicyEvent[] = [];
      const limiter = fixedWindowRedis(client, POLICY, { now: () => T0, prefix: `${PREFIX}blip-${policy}:` });
      const guarded = withFailPolicy(limiter, {
        onStoreError: policy,
        retryStoreAfterMs: 1000,
        now: clock.now,
        log: (e) => log.push(e),
      });
      const decide = async (n: number) => {
        const decisions = [];
        for (let i = 0; i < n; i++) decisions.push(await guarded.consume('client'));
        return decisions;
      };

      const before = await decide(2);
      expect(before.map((d) => [d.allowed, d.degraded])).toEqual([
        [true, undefined],
        [true, undefined],
      ]);

      const closed = next(client, 'close');
      const refused = next(proxy.events, 'refused');
      proxy.drop();
      await closed;
      const whileDown = await decide(4);
      expect(whileDown.every((d) => d.degraded === policy && d.allowed === (policy === 'open'))).toBe(true);
      // The client keeps trying while Redis is away (with retryStrategy: () => null it would have ended).
      await refused;
      expect(client.status).not.toBe('end');

      const ready = next(client, 'ready');
      proxy.restore();
      await ready;
      clock.advance(1000);
      const after = await decide(5);
      expect(after.filter((d) => d.allowed)).toHaveLength(1); // 2 before the blip + 1 = the limit of 3
      expect(after.every((d) => d.degraded === undefined)).toBe(true);
      expect(log.map((e) => e.event)).toEqual(['rate-limit-store-down', 'rate-limit-store-recovered']);
      expect(log[1]).toMatchObject({ degradedDecisions: 4 });
      expect(guarded.stats).toEqual({ storeErrors: 1, degradedDecisions: 4, storeCalls: 2 + 1 + 5 });
    });
  },
);
