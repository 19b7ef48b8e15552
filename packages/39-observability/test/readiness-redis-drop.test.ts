/**
 * Readiness follows Redis out and back in: a loopback proxy in front of the real Redis drops every
 * connection, then lets them through again. Each step waits on the client's own events, never on time.
 */
import { once } from 'node:events';
import { FlakyLink } from '@lab/common/flaky-link';
import { testRedis } from '@lab/common/testing';
import { Redis } from 'ioredis';
import type pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { appDatabase, startApp } from './_fixtures.ts';

let pool: pg.Pool;
let admin: Redis;
beforeAll(async () => {
  pool = await appDatabase(import.meta.url);
  admin = await testRedis();
});
afterAll(async () => {
  await pool.end();
  admin.disconnect();
});

it('turns 503 naming redis while it is unreachable, and 200 again once it is back', async () => {
  const link = await new FlakyLink(admin.options.host ?? '127.0.0.1', admin.options.port ?? 6379).start();
  // Reconnects for ever with a short backoff: a readiness probe must see the dependency come back.
  const redis = new Redis({
    host: '127.0.0.1',
    port: link.port,
    db: admin.options.db ?? 0,
    lazyConnect: true,
    retryStrategy: (attempt) => Math.min(attempt * 20, 200),
  });
  redis.on('error', () => {});
  await redis.connect();
  // No report cache, so every probe asks the dependencies.
  const app = await startApp(pool, redis, { readinessCacheMs: 0 });
  try {
    const ready = async () => {
      const res = await app.get('/health/ready');
      return { status: res.status, body: JSON.parse(res.text) as Record<string, unknown> };
    };
    expect((await ready()).status).toBe(200);

    const closed = once(redis, 'close');
    link.drop();
    await closed;
    const down = await ready();
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({
      code: 'dependency_unavailable',
      checks: { postgres: { status: 'ok' }, redis: { status: 'failed' } },
    });
    expect(String(down.body.detail)).toMatch(
      /^not ready: redis failed \(connection is (connecting|reconnecting)\)$/,
    );
    // Liveness does not care.
    expect((await app.get('/health/live')).status).toBe(200);
    // A request that reads through the cache still answers from PostgreSQL.
    expect((await app.get('/users/1')).status).toBe(200);

    const back = once(redis, 'ready');
    link.restore();
    await back;
    expect(await ready()).toEqual({
      status: 200,
      body: { status: 'ready', checks: { postgres: { status: 'ok' }, redis: { status: 'ok' } } },
    });
  } finally {
    await app.server.close();
    redis.disconnect();
    await link.close();
    await admin.del('obs:user:1');
  }
});
