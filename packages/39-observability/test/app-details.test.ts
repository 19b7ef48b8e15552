import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { parseExposition, samplesOf } from '../src/index.ts';
import { appsForFile } from './_fixtures.ts';

const apps = appsForFile(import.meta.url);
const start = apps.start;
const json = (text: string) => JSON.parse(text) as Record<string, unknown>;

describe('the routes, exactly', () => {
  it('answers a user, then serves the same user from Redis with a 30 s TTL', async () => {
    const app = await start();
    const first = await app.get('/users/1');
    expect(first.status).toBe(200);
    expect(json(first.text)).toEqual({ id: 1, name: 'Ada' });
    const ttl = await apps.redis().ttl('obs:user:1');
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(30);
    expect(json((await app.get('/users/1')).text)).toEqual({ id: 1, name: 'Ada' });
    const samples = parseExposition((await app.get('/metrics')).text);
    expect(samplesOf(samples, 'cache_lookups_total', { result: 'hit' })[0]?.value).toBe(1);
    expect(samplesOf(samples, 'cache_lookups_total', { result: 'miss' })[0]?.value).toBe(1);
  });

  it("lists a user's orders in id order and answers one order", async () => {
    const app = await start();
    expect(json((await app.get('/users/1/orders/10')).text)).toEqual({ id: 10, totalCents: 2500 });
    expect(JSON.parse((await app.get('/users/1/orders')).text)).toEqual([
      { id: 10, totalCents: 2500 },
      { id: 11, totalCents: 900 },
    ]);
  });

  it.each([
    ['/users/x', 'id must be a positive integer of at most 9 digits'],
    ['/users/x/orders', 'userId must be a positive integer of at most 9 digits'],
    ['/users/1/orders/x', 'orderId must be a positive integer of at most 9 digits'],
    ['/users/x/orders/10', 'userId must be a positive integer of at most 9 digits'],
    ['/users/999', 'no user 999'],
    ['/users/2/orders/10', 'user 2 has no order 10'],
    ['/nowhere', 'no route for GET /nowhere'],
  ])('%s says: %s', async (path, detail) => {
    const app = await start();
    expect(json((await app.get(path)).text).detail).toBe(detail);
  });

  it('quotes at most 200 characters of an unknown path', async () => {
    const app = await start();
    const detail = String(json((await app.get(`/${'p'.repeat(1000)}`)).text).detail);
    expect(detail).toBe(`no route for GET /${'p'.repeat(199)}`);
  });

  it('leaves the process metrics out when asked, and keeps them by default', async () => {
    const bare = await start({ processMetrics: false });
    expect(
      samplesOf(parseExposition((await bare.get('/metrics')).text), 'process_cpu_seconds_total'),
    ).toEqual([]);
    const full = await start();
    expect(
      samplesOf(parseExposition((await full.get('/metrics')).text), 'process_cpu_seconds_total'),
    ).toHaveLength(1);
  });

  it('reuses a readiness report for a second by default', async () => {
    const app = await start();
    await app.get('/health/ready');
    await app.get('/health/ready');
    expect(app.readiness.runs).toBe(1);
  });
});

describe('when PostgreSQL is gone', () => {
  it('answers 500 with a generic body and the request id, and logs the error with the same id', async () => {
    const dead = new pg.Pool({ host: '127.0.0.1', port: 9, user: 'postgres', database: 'test', max: 1 });
    dead.on('error', () => {});
    const app = await start({}, dead);
    const res = await app.get('/users/2', { 'x-request-id': 'req-500' });
    expect(res.status).toBe(500);
    expect(json(res.text)).toEqual({
      type: 'about:blank',
      title: 'Internal Server Error',
      status: 500,
      detail: 'something went wrong on our side',
      code: 'internal_error',
      requestId: 'req-500',
    });
    expect(res.text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|at /);
    const errors = app.logs.filter((l) => l.level === 50);
    expect(errors.map((l) => [l.msg, l.requestId])).toEqual([
      ['unhandled error', 'req-500'],
      ['request failed', 'req-500'],
    ]);
    await dead.end();
  });
});

describe('the request log', () => {
  it('leaves out probes and scrapes, and logs a 4xx at info', async () => {
    const app = await start();
    await app.get('/health/live');
    await app.get('/health/ready');
    await app.get('/metrics');
    await app.get('/users/x');
    expect(app.logs.map((l) => [l.level, l.msg, l.route, l.status])).toEqual([
      [30, 'request', '/users/:id', 400],
    ]);
    const duration = Number(app.logs[0]?.durationMs);
    expect(duration).toBeGreaterThanOrEqual(0);
    // Milliseconds, not nanoseconds or seconds: a local 400 takes well under a minute on any machine.
    expect(duration).toBeLessThan(60_000);
  });
});
