import { PROBLEM_CONTENT_TYPE, problemViolations } from '@lab/common/problem';
import { describe, expect, it } from 'vitest';
import { parseExposition, rawPathLabel, samplesOf, seriesCount, UNMATCHED } from '../src/index.ts';
import { appsForFile, type Running } from './_fixtures.ts';

const apps = appsForFile(import.meta.url);
const start = apps.start;
const scrape = async (app: Running) => parseExposition((await app.get('/metrics')).text);

describe('the request metrics', () => {
  it('count each request under its method, route template and status', async () => {
    const app = await start();
    await app.get('/users/1');
    await app.get('/users/2');
    await app.get('/users/999');
    await app.get('/users/1/orders/10');
    const samples = await scrape(app);
    const requests = (route: string, status: string) =>
      samplesOf(samples, 'http_requests_total', { method: 'GET', route, status_code: status }).map(
        (s) => s.value,
      );
    expect(requests('/users/:id', '200')).toEqual([2]);
    expect(requests('/users/:id', '404')).toEqual([1]);
    expect(requests('/users/:userId/orders/:orderId', '200')).toEqual([1]);
    // The histogram has the same series, and every observation landed in the +Inf bucket.
    expect(
      samplesOf(samples, 'http_request_duration_seconds_bucket', {
        route: '/users/:id',
        status_code: '200',
        le: '+Inf',
      })[0]?.value,
    ).toBe(2);
    // /metrics itself is not counted.
    expect(samplesOf(samples, 'http_requests_total', { route: '/metrics' })).toEqual([]);
  });

  it('keep a scanner of 200 random paths and 200 ids to a handful of series', async () => {
    const app = await start();
    for (let i = 0; i < 200; i++) {
      await app.get(`/scan/${i}/${Math.random().toString(36).slice(2)}`);
      await app.get(`/users/${1000 + i}`);
    }
    const samples = await scrape(app);
    expect(seriesCount(samples, 'http_requests_total')).toBe(2);
    expect(
      samplesOf(samples, 'http_requests_total', { route: UNMATCHED, status_code: '404' })[0]?.value,
    ).toBe(200);
    expect(
      samplesOf(samples, 'http_requests_total', { route: '/users/:id', status_code: '404' })[0]?.value,
    ).toBe(200);
  });

  it('contrast: labelled by raw path, the same traffic makes a series per path', async () => {
    const app = await start({ label: rawPathLabel });
    for (let i = 0; i < 50; i++) await app.get(`/users/${1000 + i}`);
    expect(seriesCount(await scrape(app), 'http_requests_total')).toBe(50);
  });

  it('expose the pool by state, cache hits and misses, and the process metrics', async () => {
    const app = await start();
    await app.get('/users/1');
    await app.get('/users/1');
    await app.get('/users/1');
    const held = await apps.pool().connect();
    try {
      const samples = await scrape(app);
      const pool = (state: string) =>
        samplesOf(samples, 'db_pool_connections', { pool: 'main', state })[0]?.value;
      expect(pool('total')).toBeGreaterThanOrEqual(1);
      expect(pool('waiting')).toBe(0);
      expect(pool('idle')).toBe((pool('total') ?? 0) - 1);
      expect(samplesOf(samples, 'cache_lookups_total', { cache: 'users', result: 'miss' })[0]?.value).toBe(1);
      expect(samplesOf(samples, 'cache_lookups_total', { cache: 'users', result: 'hit' })[0]?.value).toBe(2);
      expect(samplesOf(samples, 'process_cpu_seconds_total')).toHaveLength(1);
      expect(samplesOf(samples, 'nodejs_eventloop_lag_seconds')).toHaveLength(1);
    } finally {
      held.release();
    }
  });

  it('are served as the Prometheus text format', async () => {
    const app = await start();
    const res = await app.get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  });
});

describe('the request log', () => {
  it('writes one line per request with the id the response echoes', async () => {
    const app = await start();
    const a = await app.get('/users/1');
    const b = await app.get('/users/999', { 'x-request-id': 'trace-abc.123' });
    expect(b.headers.get('x-request-id')).toBe('trace-abc.123');
    const lines = app.logs.filter((l) => l.msg === 'request');
    expect(lines.map((l) => [l.requestId, l.route, l.status])).toEqual([
      [a.headers.get('x-request-id'), '/users/:id', 200],
      ['trace-abc.123', '/users/:id', 404],
    ]);
    expect(a.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('replaces an incoming id that is too long or carries odd bytes', async () => {
    const app = await start();
    for (const bad of ['x'.repeat(65), 'a b', 'ünïcode', 'a\tb']) {
      const res = await app.get('/users/1', { 'x-request-id': bad });
      expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});

describe('bad input', () => {
  it.each([
    ['/users/abc', 400, 'invalid_id'],
    ['/users/0', 400, 'invalid_id'],
    ['/users/1234567890', 400, 'invalid_id'],
    ['/users/%00', 400, 'invalid_id'],
    ['/users/%ED%A0%80', 400, 'bad_request'],
    ['/users/1/orders/x', 400, 'invalid_id'],
    ['/users/x/orders', 400, 'invalid_id'],
    ['/users/1/orders/20', 404, 'order_not_found'],
    ['/nowhere%00', 404, 'not_found'],
    ['/users/<10k digits>', 400, 'invalid_id'],
  ])('%s → %i %s', async (shown, status, code) => {
    const app = await start();
    const res = await app.get(shown.replace('<10k digits>', '9'.repeat(10_000)));
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(
      new RegExp(`^${PROBLEM_CONTENT_TYPE.replace('+', '\\+')}`),
    );
    const body = JSON.parse(res.text);
    expect(problemViolations(body, status)).toEqual([]);
    expect(body.code).toBe(code);
  });
});

describe('health', () => {
  it('answers live and ready with per-check detail while both dependencies are up', async () => {
    const app = await start();
    const live = await app.get('/health/live');
    expect(live.status).toBe(200);
    expect(JSON.parse(live.text)).toMatchObject({ status: 'alive' });
    const ready = await app.get('/health/ready');
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.text)).toEqual({
      status: 'ready',
      checks: { postgres: { status: 'ok' }, redis: { status: 'ok' } },
    });
    expect(ready.headers.get('cache-control')).toBe('no-store');
  });

  it('answers 503 draining once shutdown starts, while liveness stays 200', async () => {
    const app = await start();
    app.readiness.drain();
    const ready = await app.get('/health/ready');
    expect(ready.status).toBe(503);
    expect(JSON.parse(ready.text)).toMatchObject({ code: 'draining', checks: {} });
    expect(ready.headers.get('retry-after')).toBe('5');
    expect((await app.get('/health/live')).status).toBe(200);
  });
});
