import { createServer, type Server, type Socket } from 'node:net';
import { listen } from '@lab/common/http';
import { freePort } from '@lab/common/services';
import express, { type Express } from 'express';
import { Redis, type RedisOptions } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ALGORITHMS,
  byRoute,
  byUser,
  type FailPolicyEvent,
  fixedWindowMemory,
  fixedWindowRedis,
  LIMITER_CLIENT_OPTIONS,
  limiterKey,
  manualClock,
  parseRateLimitField,
  type RateLimiter,
  type RateLimitOptions,
  rateLimit,
  tokenBucketMemory,
  userOf,
  withFailPolicy,
} from '../src/index.ts';

const cleanups: Array<() => Promise<unknown> | unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** An app behind one proxy hop, with a stand-in auth middleware (x-user / x-tier headers). */
function app(configure: (app: Express) => void): Express {
  const a = express();
  a.set('trust proxy', 1);
  a.use((req, res, next) => {
    const id = req.get('x-user');
    const tier = req.get('x-tier');
    if (id && tier) res.locals.user = { id, tier };
    next();
  });
  configure(a);
  a.get('/', (_req, res) => {
    res.json({ ok: true });
  });
  return a;
}

async function serve(a: Express): Promise<string> {
  const server = await listen(a);
  cleanups.push(() => server.close());
  return server.url;
}

async function send(url: string, headers: Record<string, string> = {}): Promise<Response> {
  const response = await fetch(url, { headers });
  expect([200, 429, 503]).toContain(response.status); // never a 500, whatever happens to the store
  return response;
}

/** A port nobody listens on. */
const deadPort = freePort;

/** The client configuration a limiter wants: fail fast rather than queue commands while disconnected. */
function limiterClient(port: number, extra: RedisOptions = {}): Redis {
  const client = new Redis({ host: '127.0.0.1', port, ...LIMITER_CLIENT_OPTIONS, ...extra });
  client.on('error', () => {}); // connection errors are expected here; the limiter's policy handles them
  cleanups.push(() => client.disconnect());
  return client;
}

describe.each(ALGORITHMS.map((a) => [a.label, a] as const))('headers (%s)', (_, algorithm) => {
  it('agree with each other on every response, 200 or 429', async () => {
    const now = 1_700_000_010_000; // a whole second, so X-RateLimit-Reset = now/1000 + t exactly
    const limiter = algorithm.memory({ limit: 3, windowMs: 60_000 }, { now: () => now, name: 'api' });
    const url = await serve(app((a) => a.use(rateLimit({ limiter }))));
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await send(url);
      statuses.push(res.status);
      const [policy] = parseRateLimitField(res.headers.get('ratelimit-policy') ?? '');
      const [limit] = parseRateLimitField(res.headers.get('ratelimit') ?? '');
      expect(policy).toEqual({ name: 'api', params: { q: 3, w: 60 } });
      expect(limit?.name).toBe('api');
      const r = limit?.params.r;
      const t = limit?.params.t ?? Number.NaN;
      expect(res.headers.get('x-ratelimit-limit')).toBe('3');
      expect(res.headers.get('x-ratelimit-remaining')).toBe(String(r));
      expect(Number(res.headers.get('x-ratelimit-reset'))).toBe(now / 1000 + t);
      if (res.status === 429) {
        expect(r).toBe(0);
        expect(t).toBeGreaterThan(0);
        expect(res.headers.get('retry-after')).toBe(String(t));
        expect(await res.json()).toMatchObject({
          status: 429,
          code: 'quota_exceeded',
          violatedPolicies: ['api'],
          retryAfterSeconds: t,
        });
      } else expect(res.headers.get('retry-after')).toBeNull();
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
  });
});

describe('keys', () => {
  it('per IP: clients behind the trusted proxy are counted apart (X-Forwarded-For, one hop)', async () => {
    const limiter = fixedWindowMemory({ limit: 2, windowMs: 60_000 }, { now: () => 0 });
    const url = await serve(app((a) => a.use(rateLimit({ limiter }))));
    const a = [];
    for (let i = 0; i < 3; i++) a.push((await send(url, { 'x-forwarded-for': '203.0.113.7' })).status);
    const b = (await send(url, { 'x-forwarded-for': '203.0.113.8' })).status;
    expect(a).toEqual([200, 200, 429]);
    expect(b).toBe(200);
  });

  it('per user and by tier: each plan its own limit and its own policy name', async () => {
    const clock = manualClock(1_000_000);
    const tiers: Record<string, RateLimiter> = {
      free: tokenBucketMemory({ limit: 2, windowMs: 60_000 }, { now: clock.now, name: 'free' }),
      pro: tokenBucketMemory({ limit: 5, windowMs: 60_000 }, { now: clock.now, name: 'pro' }),
      anonymous: tokenBucketMemory({ limit: 1, windowMs: 60_000 }, { now: clock.now, name: 'anonymous' }),
    };
    const limiter: RateLimitOptions['limiter'] = (_req, res) =>
      tiers[userOf(res)?.tier ?? 'anonymous'] ?? (tiers.anonymous as RateLimiter);
    const url = await serve(app((a) => a.use(rateLimit({ limiter, key: byUser }))));
    const admitted = async (headers: Record<string, string>) => {
      let n = 0;
      for (let i = 0; i < 8; i++) if ((await send(url, headers)).status === 200) n++;
      return n;
    };
    expect(await admitted({ 'x-user': 'ann', 'x-tier': 'free' })).toBe(2);
    expect(await admitted({ 'x-user': 'bob', 'x-tier': 'pro' })).toBe(5);
    expect(await admitted({ 'x-user': 'cat', 'x-tier': 'pro' })).toBe(5); // per user, not per tier
    expect(await admitted({})).toBe(1);
    const res = await send(url, { 'x-user': 'dan', 'x-tier': 'pro' });
    expect(res.headers.get('ratelimit')).toBe('"pro";r=4;t=12');
  });

  it('per route: an expensive route has its own budget, and both policies are reported', async () => {
    const now = () => 5_000_000;
    const global = fixedWindowMemory({ limit: 10, windowMs: 60_000 }, { now, name: 'global' });
    const search = fixedWindowMemory({ limit: 2, windowMs: 60_000 }, { now, name: 'search' });
    const url = await serve(
      app((a) => {
        a.use(rateLimit({ limiter: global }));
        a.get('/search', rateLimit({ limiter: search, key: byRoute('search') }), (_req, res) => {
          res.json({ results: [] });
        });
      }),
    );
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await send(`${url}/search`)).status);
    expect(statuses).toEqual([200, 200, 429]);
    const home = await send(url);
    expect(home.status).toBe(200);
    const searched = await send(`${url}/search`);
    expect(parseRateLimitField(searched.headers.get('ratelimit') ?? '').map((i) => i.name)).toEqual([
      'global',
      'search',
    ]);
    expect(searched.headers.get('x-ratelimit-remaining')).toBe('0'); // the tighter of the two
  });
});

describe('when Redis is down (a client pointed at a port nobody listens on)', () => {
  it('fail open: admits, sends no invented headers, logs once', async () => {
    const limiter = fixedWindowRedis(limiterClient(await deadPort()), { limit: 2, windowMs: 60_000 });
    const log: FailPolicyEvent[] = [];
    const url = await serve(
      app((a) => a.use(rateLimit({ limiter, onStoreError: 'open', log: (e) => log.push(e) }))),
    );
    const responses = [];
    for (let i = 0; i < 5; i++) responses.push(await send(url));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(responses.every((r) => r.headers.get('ratelimit') === null)).toBe(true);
    expect(log.map((e) => e.event)).toEqual(['rate-limit-store-down']);
    expect(log[0]).toMatchObject({ policy: 'fail open' });
  });

  it('fail closed: 503 with Retry-After and a problem+json body, logs once', async () => {
    const limiter = fixedWindowRedis(limiterClient(await deadPort()), { limit: 2, windowMs: 60_000 });
    const log: FailPolicyEvent[] = [];
    const url = await serve(
      app((a) => a.use(rateLimit({ limiter, onStoreError: 'closed', log: (e) => log.push(e) }))),
    );
    const responses = [];
    for (let i = 0; i < 3; i++) responses.push(await send(url));
    expect(responses.map((r) => r.status)).toEqual([503, 503, 503]);
    expect(responses[0]?.headers.get('retry-after')).toBe('1');
    expect(responses[0]?.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(await responses[0]?.json()).toMatchObject({
      type: expect.stringMatching(/temporary-reduced-capacity$/),
      status: 503,
      code: 'rate_limit_unavailable',
      retryAfterSeconds: 1,
    });
    expect(log).toHaveLength(1);
  });

  it('fallback: an in-process limiter takes over, so the limit still holds (per process)', async () => {
    const limiter = fixedWindowRedis(limiterClient(await deadPort()), { limit: 2, windowMs: 60_000 });
    const fallback = fixedWindowMemory({ limit: 2, windowMs: 60_000 });
    const url = await serve(
      app((a) => a.use(rateLimit({ limiter, onStoreError: { fallback }, log: () => {} }))),
    );
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await send(url)).status);
    expect(statuses).toEqual([200, 200, 429]);
  });

  it('a Redis that accepts the connection but never answers costs one timeout, not one per request', async () => {
    const sockets: Socket[] = [];
    const blackHole: Server = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => blackHole.listen(0, '127.0.0.1', resolve));
    cleanups.push(
      () =>
        new Promise((resolve) => {
          for (const s of sockets) s.destroy();
          blackHole.close(resolve);
        }),
    );
    const { port } = blackHole.address() as { port: number };
    // With the offline queue on (ioredis's default), commands wait for a "ready" that never comes: a hang.
    const client = limiterClient(port, { enableOfflineQueue: true, lazyConnect: false });
    const inner = fixedWindowRedis(client, { limit: 2, windowMs: 60_000 });
    let calls = 0;
    const counted: RateLimiter = {
      ...inner,
      consume: (key) => {
        calls++;
        return inner.consume(key);
      },
    };
    const log: FailPolicyEvent[] = [];
    const url = await serve(
      app((a) =>
        a.use(
          rateLimit({ limiter: counted, timeoutMs: 100, retryStoreAfterMs: 60_000, log: (e) => log.push(e) }),
        ),
      ),
    );
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await send(url)).status);
    expect(statuses).toEqual([200, 200, 200, 200]);
    expect(calls).toBe(1); // the other three skipped the store instead of waiting 100 ms each
    expect(log[0]).toMatchObject({
      event: 'rate-limit-store-down',
      error: expect.stringMatching(/within 100 ms/),
    });
  });
});

describe('keys a client chooses', () => {
  it('an empty or 10 000-character key gets a bucket of its own, never a store outage or a 500', async () => {
    const limiter = fixedWindowMemory({ limit: 2, windowMs: 60_000 }, { now: () => 0 });
    const log: FailPolicyEvent[] = [];
    const byApiKey = (req: express.Request) => req.get('x-api-key') ?? '';
    const url = await serve(
      app((a) => a.use(rateLimit({ limiter, key: byApiKey, log: (e) => log.push(e) }))),
    );
    const statuses = async (headers: Record<string, string>) => {
      const out = [];
      for (let i = 0; i < 3; i++) out.push((await send(url, headers)).status);
      return out;
    };
    expect(await statuses({ 'x-api-key': 'a'.repeat(10_000) })).toEqual([200, 200, 429]);
    expect(await statuses({ 'x-api-key': 'b'.repeat(10_000) })).toEqual([200, 200, 429]);
    expect(await statuses({})).toEqual([200, 200, 429]);
    expect(await statuses({ 'x-api-key': 'c'.repeat(512) })).toEqual([200, 200, 429]);
    expect(log).toEqual([]);
  });

  it('limiterKey keeps a usable key as it is and hashes the others', () => {
    expect(limiterKey('user:ann')).toBe('user:ann');
    expect(limiterKey('k'.repeat(512))).toBe('k'.repeat(512));
    expect(limiterKey('k'.repeat(513))).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(limiterKey('')).toBe('sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('withFailPolicy refuses a bad key as the caller’s error, not as a store outage', async () => {
    const log: FailPolicyEvent[] = [];
    const guarded = withFailPolicy(fixedWindowMemory({ limit: 2, windowMs: 60_000 }), {
      onStoreError: 'open',
      log: (e) => log.push(e),
    });
    await expect(guarded.consume('')).rejects.toThrow(TypeError);
    await expect(guarded.consume('x'.repeat(513))).rejects.toThrow(TypeError);
    expect(guarded.stats).toEqual({ storeErrors: 0, degradedDecisions: 0, storeCalls: 0 });
    expect(log).toEqual([]);
    expect((await guarded.consume('fine')).degraded).toBeUndefined();
  });
});

describe('withFailPolicy', () => {
  const failing = (errors: { broken: boolean }) => {
    const healthy = fixedWindowMemory({ limit: 100, windowMs: 60_000 });
    const limiter: RateLimiter = {
      ...healthy,
      consume: (key) => (errors.broken ? Promise.reject(new Error('ECONNREFUSED')) : healthy.consume(key)),
    };
    return limiter;
  };

  it('tries the store again exactly retryStoreAfterMs after a failure, not a millisecond sooner', async () => {
    const clock = manualClock(10_000);
    const errors = { broken: true };
    const guarded = withFailPolicy(failing(errors), {
      onStoreError: 'open',
      retryStoreAfterMs: 500,
      now: clock.now,
      log: () => {},
    });
    await guarded.consume('k');
    errors.broken = false;
    clock.set(10_499);
    expect((await guarded.consume('k')).degraded).toBe('open');
    clock.set(10_500);
    expect((await guarded.consume('k')).degraded).toBeUndefined();
    expect(guarded.stats).toEqual({ storeErrors: 1, degradedDecisions: 2, storeCalls: 2 });
  });

  it('by default: a 1 s pause, and one JSON line on stderr per event, warn when down, info when back', async () => {
    const lines: string[] = [];
    const write = process.stderr.write;
    process.stderr.write = ((chunk: string) => {
      lines.push(String(chunk));
      return true;
    }) as typeof process.stderr.write;
    const clock = manualClock(0);
    const errors = { broken: true };
    try {
      const guarded = withFailPolicy(failing(errors), { onStoreError: 'open', now: clock.now });
      await guarded.consume('k');
      errors.broken = false;
      clock.set(999);
      expect((await guarded.consume('k')).degraded).toBe('open');
      clock.set(1000);
      expect((await guarded.consume('k')).degraded).toBeUndefined();
    } finally {
      process.stderr.write = write;
    }
    expect(lines.map((line) => JSON.parse(line))).toEqual([
      {
        level: 'warn',
        event: 'rate-limit-store-down',
        limiter: 'default/fixed-window/memory',
        policy: 'fail open',
        error: 'ECONNREFUSED',
      },
      {
        level: 'info',
        event: 'rate-limit-store-recovered',
        limiter: 'default/fixed-window/memory',
        degradedDecisions: 2,
      },
    ]);
  });

  it('fallback: decisions come from the fallback limiter, marked as such, and the log names it', async () => {
    const log: FailPolicyEvent[] = [];
    const fallback = tokenBucketMemory({ limit: 2, windowMs: 60_000 }, { now: () => 0 });
    const guarded = withFailPolicy(failing({ broken: true }), {
      onStoreError: { fallback },
      now: () => 0,
      log: (e) => log.push(e),
    });
    const decisions = [];
    for (let i = 0; i < 3; i++) decisions.push(await guarded.consume('k'));
    expect(decisions.map((d) => [d.allowed, d.degraded])).toEqual([
      [true, 'fallback'],
      [true, 'fallback'],
      [false, 'fallback'],
    ]);
    expect(log[0]).toMatchObject({ policy: 'fall back to token-bucket (memory)' });
  });

  it('closed: refuses with the pause as Retry-After, and says what the limit is', async () => {
    const guarded = withFailPolicy(failing({ broken: true }), {
      onStoreError: 'closed',
      retryStoreAfterMs: 2500,
      now: () => 77,
      log: () => {},
    });
    expect(await guarded.consume('k')).toEqual({
      allowed: false,
      limit: 100,
      remaining: 0,
      resetMs: 2500,
      retryAfterMs: 2500,
      at: 77,
      degraded: 'closed',
    });
  });

  it('logs the outage once and the recovery once, with the number of decisions made without the store', async () => {
    const clock = manualClock(0);
    let broken = true;
    const healthy = fixedWindowMemory({ limit: 100, windowMs: 60_000 }, { now: clock.now });
    const flaky: RateLimiter = {
      ...healthy,
      consume: (key) => (broken ? Promise.reject(new Error('ECONNREFUSED')) : healthy.consume(key)),
    };
    const log: FailPolicyEvent[] = [];
    const guarded = withFailPolicy(flaky, {
      onStoreError: 'open',
      retryStoreAfterMs: 1000,
      now: clock.now,
      log: (e) => log.push(e),
    });
    for (let i = 0; i < 5; i++) {
      expect((await guarded.consume('k')).degraded).toBe('open');
      clock.advance(300);
    }
    broken = false;
    clock.advance(1000);
    expect((await guarded.consume('k')).degraded).toBeUndefined();
    expect(log).toEqual([
      {
        event: 'rate-limit-store-down',
        limiter: 'default/fixed-window/memory',
        policy: 'fail open',
        error: 'ECONNREFUSED',
      },
      { event: 'rate-limit-store-recovered', limiter: 'default/fixed-window/memory', degradedDecisions: 5 },
    ]);
    // Five decisions while down, but the store was only tried when the 1 s pause had passed: at 0 and 1200.
    expect(guarded.stats).toEqual({ storeErrors: 2, degradedDecisions: 5, storeCalls: 3 });
  });
});
