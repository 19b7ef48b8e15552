import { once } from 'node:events';
import { listen } from '@lab/common/http';
import { deleteKeysWithPrefix, queryStats, resetSchema } from '@lab/common/services';
import { barrier } from '@lab/common/sync';
import { testKeyPrefix, testPostgres, testRedis, testSchema } from '@lab/common/testing';
import type { Redis } from 'ioredis';
import type pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type Container,
  type ContainerConfig,
  createContainer,
  type Openers,
  outboxMailer,
  readOutbox,
  realOpeners,
  wire,
} from '../src/index.ts';

const schema = testSchema(import.meta.url);
const prefix = testKeyPrefix(import.meta.url);
const config: ContainerConfig = { schema, redisKeyPrefix: prefix, cacheTtlSeconds: 300, poolMax: 4 };
/** The real openers' work, on this file's isolated schema and the test Redis. */
const testOpeners: Openers = {
  postgres: () => testPostgres(import.meta.url, { max: 4 }),
  redis: () => testRedis(),
};

let container: Container;
const unexpected: unknown[] = [];

beforeAll(async () => {
  const pool = await testPostgres(import.meta.url);
  await resetSchema(pool, schema);
  await pool.end();
  container = await createContainer(
    { ...config, app: { onUnexpected: (error) => unexpected.push(error) } },
    testOpeners,
  );
});
afterAll(async () => {
  await deleteKeysWithPrefix(container.redis, prefix);
  await container.pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await container.dispose();
});
beforeEach(async () => {
  await container.pool.query('TRUNCATE users, orders, order_lines, mail_outbox RESTART IDENTITY CASCADE');
  await deleteKeysWithPrefix(container.redis, prefix);
});

async function withServer<T>(fn: (url: string) => Promise<T>, app = container.app): Promise<T> {
  const server = await listen(app);
  try {
    return await fn(server.url);
  } finally {
    await server.close();
  }
}

const signUp = (url: string, body: unknown, requestId?: string) =>
  fetch(`${url}/signups`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(requestId ? { 'x-request-id': requestId } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('the composition root on real PostgreSQL and Redis', () => {
  it('POST /signups stores the user, queues the mail with the request id, caches the user in Redis', async () => {
    const res = await withServer((url) => signUp(url, { email: 'Ada@Example.com', name: 'Ada' }, 'req-1'));
    expect(res.status).toBe(201);
    expect(res.headers.get('x-request-id')).toBe('req-1');
    expect(res.headers.get('x-powered-by')).toBeNull();
    const user = (await res.json()) as { id: number; email: string };
    expect(user).toMatchObject({ id: 1, email: 'ada@example.com' });
    expect(res.headers.get('location')).toBe('/users/1');
    expect(await readOutbox(container.pool)).toEqual([
      {
        id: 1,
        to: 'ada@example.com',
        subject: 'Welcome aboard',
        text: 'Hello Ada, your account #1 is ready.',
        requestId: 'req-1',
      },
    ]);
    const key = `${prefix}user:1`;
    expect(JSON.parse((await container.redis.get(key)) ?? 'null')).toMatchObject({ id: 1, name: 'Ada' });
    const ttl = await container.redis.ttl(key);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(300);
    expect(container.unitOfWork.stats).toMatchObject({ committed: 1, rolledBack: 0 });
  });

  it('placing an order runs in the same unit of work, on the same repositories', async () => {
    const user = await container.signups.signUp({ email: 'ord@example.com', name: 'Ord' });
    const before = container.unitOfWork.stats.committed;
    const order = await container.orders.place(user.id, {
      lines: [{ sku: 'BOOK-1', quantity: 2, unitPriceCents: 1250 }],
    });
    expect(order).toMatchObject({ userId: user.id, totalCents: 2500, status: 'placed' });
    expect(container.unitOfWork.stats.committed).toBe(before + 1);
    expect(await container.orders.listForUser(user.id)).toHaveLength(1);
  });

  it('GET /users/:id is answered from Redis without a query once cached, with a real Date', async () => {
    await withServer(async (url) => {
      await signUp(url, { email: 'grace@example.com', name: 'Grace' });
      const stats = queryStats(container.pool);
      stats.reset();
      const res = await fetch(`${url}/users/1`);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ id: 1, email: 'grace@example.com' });
      expect(stats.count).toBe(0);
      await container.redis.del(`${prefix}user:1`);
      expect(await container.cache.get(1)).toBeUndefined();
      expect((await fetch(`${url}/users/1`)).status).toBe(200);
      expect(stats.count).toBe(1);
    });
    expect((await container.signups.getUser(1)).createdAt).toBeInstanceOf(Date);
  });

  it('a mailer failure rolls the user back: no row, no outbox, no cache key, and the email is free again', async () => {
    const failing = wire(
      {
        pool: container.pool,
        cache: container.cache,
        mailer: () => ({
          send: async () => {
            throw new Error('outbox unavailable');
          },
        }),
      },
      { app: { onUnexpected: () => {} } },
    );
    await expect(failing.signups.signUp({ email: 'lin@example.com', name: 'Lin' })).rejects.toThrow(
      'outbox unavailable',
    );
    expect((await container.pool.query('SELECT count(*)::int AS n FROM users')).rows[0]).toEqual({ n: 0 });
    expect(await readOutbox(container.pool)).toEqual([]);
    expect(await container.redis.exists(`${prefix}user:1`)).toBe(0);
    expect(failing.unitOfWork.stats).toEqual({ begun: 1, committed: 0, rolledBack: 1 });
    const again = await container.signups.signUp({ email: 'lin@example.com', name: 'Lin' });
    expect(again.email).toBe('lin@example.com');
  });

  it('two overlapping requests: each outbox row carries its own request id', async () => {
    const bothSending = barrier(2);
    const graph = wire({
      pool: container.pool,
      cache: container.cache,
      // The real outbox mailer, held until both requests are inside their transactions.
      mailer: (context) => {
        const outbox = outboxMailer(context);
        return {
          send: async (message) => {
            await bothSending();
            await outbox.send(message);
          },
        };
      },
    });
    const statuses = await withServer(
      (url) =>
        Promise.all([
          signUp(url, { email: 'a@example.com', name: 'A' }, 'req-a').then((r) => r.status),
          signUp(url, { email: 'b@example.com', name: 'B' }, 'req-b').then((r) => r.status),
        ]),
      graph.app,
    );
    expect(statuses).toEqual([201, 201]);
    const rows = await readOutbox(container.pool);
    expect(rows.map((r) => `${r.to} ${r.requestId}`).sort()).toEqual([
      'a@example.com req-a',
      'b@example.com req-b',
    ]);
  });

  it('a request id the client did not send (or sent unusable) is generated, never echoed', async () => {
    const ids = await withServer(async (url) => {
      const none = await signUp(url, { email: 'n@example.com', name: 'N' });
      const bad = await signUp(url, { email: 'm@example.com', name: 'M' }, 'x'.repeat(65));
      return [none.headers.get('x-request-id'), bad.headers.get('x-request-id')];
    });
    for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await readOutbox(container.pool)).map((r) => r.requestId)).toEqual(ids);
  });
});

describe('bad requests answer 4xx problem bodies and leave nothing behind', () => {
  const cases: Array<[string, number, string, (url: string) => Promise<Response>]> = [
    [
      'NUL in the name',
      422,
      'validation_failed',
      (u) => signUp(u, { email: 'a@example.com', name: 'A\u0000' }),
    ],
    [
      'a lone surrogate',
      422,
      'validation_failed',
      (u) => signUp(u, { email: 'a@example.com', name: '\ud800' }),
    ],
    [
      '10k characters',
      422,
      'validation_failed',
      (u) => signUp(u, { email: 'a@example.com', name: 'x'.repeat(10_000) }),
    ],
    ['a wrong type', 422, 'validation_failed', (u) => signUp(u, { email: ['a@example.com'], name: 'A' })],
    ['a missing field', 422, 'validation_failed', (u) => signUp(u, { name: 'A' })],
    [
      'an extra field',
      422,
      'validation_failed',
      (u) => signUp(u, { email: 'a@example.com', name: 'A', role: 'admin' }),
    ],
    ['malformed JSON', 400, 'malformed_json', (u) => signUp(u, '{"email":')],
    [
      'a 20 kB body',
      413,
      'payload_too_large',
      (u) => signUp(u, { email: 'a@example.com', name: 'x'.repeat(20_000) }),
    ],
    ['a non-numeric user id', 400, 'invalid_id', (u) => fetch(`${u}/users/abc`)],
    ['a user id with a leading zero', 400, 'invalid_id', (u) => fetch(`${u}/users/01`)],
    ['a user id with an exponent', 400, 'invalid_id', (u) => fetch(`${u}/users/1e3`)],
    ['NUL in the user id', 400, 'invalid_id', (u) => fetch(`${u}/users/%00`)],
    ['a user id beyond int4', 404, 'user_not_found', (u) => fetch(`${u}/users/99999999999`)],
    ['an unknown user', 404, 'user_not_found', (u) => fetch(`${u}/users/7`)],
    ['an unknown route', 404, 'route_not_found', (u) => fetch(`${u}/nowhere`)],
  ];
  it.each(cases)('%s → %i %s', async (_, status, code, send) => {
    const res = await withServer(send);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await res.json()).toMatchObject({ status, code });
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await readOutbox(container.pool)).toEqual([]);
    expect(unexpected).toEqual([]);
  });

  it('the detail says what was wrong, and an unknown path is cut to 200 characters in it', async () => {
    const details = await withServer(async (url) => {
      const answers = await Promise.all([
        fetch(`${url}/users/abc`),
        fetch(`${url}/nowhere`),
        fetch(`${url}/${'x'.repeat(300)}`),
      ]);
      return Promise.all(answers.map(async (res) => ((await res.json()) as { detail: string }).detail));
    });
    expect(details).toEqual([
      'userId must be a positive integer',
      'no route GET /nowhere',
      `no route GET /${'x'.repeat(199)}`,
    ]);
  });

  it('a taken email is 409 email_taken and queues no second mail', async () => {
    await withServer(async (url) => {
      expect((await signUp(url, { email: 'a@example.com', name: 'A' })).status).toBe(201);
      const res = await signUp(url, { email: 'A@example.com ', name: 'B' });
      expect(res.status).toBe(409);
      expect(await res.json()).toMatchObject({ code: 'email_taken' });
    });
    expect(await readOutbox(container.pool)).toHaveLength(1);
  });
});

describe('lifecycle of the composition root', () => {
  it('dispose closes Redis, then PostgreSQL, and a second dispose is a no-op', async () => {
    let pool: pg.Pool | undefined;
    let client: Redis | undefined;
    const own = await createContainer(config, {
      postgres: async (c) => {
        pool = await testOpeners.postgres(c);
        return pool;
      },
      redis: async (c) => {
        client = await testOpeners.redis(c);
        return client;
      },
    });
    await own.dispose();
    expect(own.lifecycle.disposed).toEqual(['redis', 'postgres']);
    expect(pool?.ended).toBe(true);
    expect(client?.status).toBe('end');
    await own[Symbol.asyncDispose]();
    expect(own.lifecycle.disposed).toEqual(['redis', 'postgres']);
  });

  it('`await using` disposes at the end of the block, even a Redis client that was already quit', async () => {
    let disposed: string[] = [];
    {
      await using own = await createContainer(config, testOpeners);
      disposed = own.lifecycle.disposed;
      const ended = once(own.redis, 'end');
      await own.redis.quit();
      await ended;
    }
    expect(disposed).toEqual(['redis', 'postgres']);
  });

  it('the real openers: a pool of poolMax (default 10) on the schema, and a ready Redis client', async () => {
    const sized = await realOpeners.postgres(config);
    const unsized = await realOpeners.postgres({ ...config, poolMax: undefined });
    const client = await realOpeners.redis(config);
    try {
      expect([sized.options.max, unsized.options.max]).toEqual([4, 10]);
      expect((await sized.query('SELECT current_schema() AS s')).rows).toEqual([{ s: schema }]);
      expect(await client.ping()).toBe('PONG');
    } finally {
      await Promise.all([sized.end(), unsized.end(), client.quit()]);
    }
  });

  it('when Redis cannot be opened, the pool already opened is closed and the error goes up', async () => {
    let pool: pg.Pool | undefined;
    const failing = createContainer(config, {
      postgres: async (c) => {
        pool = await testOpeners.postgres(c);
        return pool;
      },
      redis: async () => {
        throw new Error('Redis is required: connection refused');
      },
    });
    await expect(failing).rejects.toThrow('Redis is required: connection refused');
    expect(pool?.ended).toBe(true);
  });
});
