/**
 * Every HTTP API in the repo answers errors with the kit's one problem body (`@lab/common/problem`): this
 * drives each topic app's error paths over real HTTP on loopback and checks the answer — the designed 4xx
 * (or 503), `application/problem+json`, a body `problemViolations` finds nothing wrong with, and never a 500.
 * The topics are imported by path: tooling is the repo's machinery, and the topics must not import it.
 */
import type { RequestListener } from 'node:http';
import { createRequire } from 'node:module';
import { resetSchema } from '@lab/common';
import { type Listening, listen } from '@lab/common/http';
import { PROBLEM_CONTENT_TYPE, problemViolations } from '@lab/common/problem';
import { testPostgres, testSchema } from '@lab/common/testing';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlowServer } from '../../packages/11-async-await/src/index.ts';
import { createApp as createUsersApp, migrate, seed } from '../../packages/31-rest-api-design/src/index.ts';
import { createApp as createConcurrencyApp } from '../../packages/32-api-concurrency/src/index.ts';
import { fixedWindowMemory, type RateLimiter, rateLimit } from '../../packages/33-rate-limiting/src/index.ts';
import {
  createCatalogApp,
  createProducts,
  memoryStore,
} from '../../packages/34-latency-optimization/src/index.ts';

/** One error path: what is sent, and the status the topic designed for it. */
interface ErrorCase {
  path: string;
  status: number;
  send: (url: string) => Promise<Response>;
}

const NUL = '\u0000';
const LONE_SURROGATE = '\uD800';
const LONG = 'x'.repeat(10_000);
/** `%ED%A0%80`: U+D800 as (invalid) UTF-8 bytes, the only way a lone surrogate can travel in a URL. */
const SURROGATE_IN_URL = '%ED%A0%80';

const get = (path: string) => (url: string) => fetch(`${url}${path}`);
const post = (path: string, body: string, contentType = 'application/json', method = 'POST') => {
  return (url: string) => fetch(`${url}${path}`, { method, body, headers: { 'content-type': contentType } });
};
const postJson = (path: string, value: unknown, method = 'POST') =>
  post(path, JSON.stringify(value), 'application/json', method);

/** The checks every error answer must pass; returns the body for topic-specific ones. */
async function expectProblem(res: Response, status: number): Promise<Record<string, unknown>> {
  const text = await res.text();
  expect(res.status, text).not.toBe(500);
  expect(res.status, text).toBe(status);
  expect(res.headers.get('content-type'), text).toMatch(
    new RegExp(`^${PROBLEM_CONTENT_TYPE.replace('+', '\\+')}`),
  );
  const body: unknown = JSON.parse(text);
  expect(problemViolations(body, res.status), text).toEqual([]);
  return body as Record<string, unknown>;
}

/** The same table for every topic: its error paths as test names, `path → status`. */
function conformance(topic: string, url: () => string, cases: ErrorCase[]): void {
  it.each(cases.map((c) => [c.path, c.status, c] as const))(`${topic}: %s → %i`, async (_, status, c) => {
    await expectProblem(await c.send(url()), status);
  });
}

describe('11 async-await: the slow server', () => {
  let server: Awaited<ReturnType<typeof startSlowServer>>;
  beforeAll(async () => {
    server = await startSlowServer({ delayMs: 0 });
  });
  afterAll(() => server.close());

  conformance('11', () => server.url, [
    { path: 'unknown route', status: 404, send: get('/nowhere') },
    { path: 'wrong method', status: 404, send: post('/item/1', '{}') },
    { path: 'malformed JSON body', status: 404, send: post('/item/1', '{"id":') },
    { path: 'bad path param', status: 404, send: get('/item/abc') },
    { path: 'NUL in the path', status: 404, send: get('/item/%00') },
    { path: 'lone surrogate in the path', status: 404, send: get(`/item/${SURROGATE_IN_URL}`) },
    { path: '10k-char path', status: 404, send: get(`/item/${'9'.repeat(10_000)}`) },
    { path: 'bad query param', status: 400, send: get('/item/1?delay=soon') },
    { path: 'NUL in a query param', status: 400, send: get('/item/1?delay=%00') },
    { path: 'lone surrogate in a query param', status: 400, send: get(`/item/1?delay=${SURROGATE_IN_URL}`) },
    { path: '10k-char query param', status: 400, send: get(`/item/1?delay=${'9'.repeat(10_000)}`) },
  ]);
});

describe('31 rest-api-design: the users API on PostgreSQL', () => {
  const schema = testSchema(import.meta.url, 'users');
  let pool: pg.Pool;
  let server: Listening;
  const serverErrors: unknown[] = [];
  beforeAll(async () => {
    pool = await testPostgres(import.meta.url, { suffix: 'users' });
    await resetSchema(pool, schema);
    await migrate(pool);
    await seed(pool, { users: 3 });
    server = await listen(createUsersApp({ pool, onError: (error) => serverErrors.push(error) }));
  });
  afterAll(async () => {
    await server.close();
    await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await pool.end();
  });

  const user = (fields: Record<string, unknown>) => ({
    name: 'Someone',
    email: 'someone@example.com',
    password: 'long-enough',
    ...fields,
  });
  conformance('31', () => server.url, [
    { path: 'unknown route', status: 404, send: get('/api/v1/nowhere') },
    { path: 'wrong method', status: 405, send: post('/api/v1/users/1/orders', '{}') },
    { path: 'malformed JSON', status: 400, send: post('/api/v1/users', '{"name":') },
    { path: 'wrong content-type', status: 415, send: post('/api/v1/users', '{}', 'text/plain') },
    {
      path: 'charset=utf-7',
      status: 415,
      send: post('/api/v1/users', JSON.stringify(user({})), 'application/json; charset=utf-7'),
    },
    {
      path: 'oversized body',
      status: 413,
      send: postJson('/api/v1/users', user({ name: 'x'.repeat(20_000) })),
    },
    { path: 'bad path param', status: 400, send: get('/api/v1/users/abc') },
    { path: 'bad query param', status: 400, send: get('/api/v1/users?page=abc') },
    { path: 'NUL in the path', status: 400, send: get('/api/v1/users/%00') },
    { path: 'lone surrogate in the path', status: 400, send: get(`/api/v1/users/${SURROGATE_IN_URL}`) },
    { path: '10k-char path param', status: 400, send: get(`/api/v1/users/${'9'.repeat(10_000)}`) },
    {
      path: 'NUL in a string field',
      status: 422,
      send: postJson('/api/v1/users', user({ name: `a${NUL}b` })),
    },
    {
      path: 'lone surrogate in a string field',
      status: 422,
      send: postJson('/api/v1/users', user({ name: `a${LONE_SURROGATE}b` })),
    },
    { path: '10k-char string field', status: 422, send: postJson('/api/v1/users', user({ name: LONG })) },
    { path: 'NUL in a query param', status: 400, send: get('/api/v1/users?role=%00') },
    { path: 'missing resource', status: 404, send: get('/api/v1/users/999999') },
  ]);

  it('31: none of those was a server fault', () => {
    expect(serverErrors).toEqual([]);
  });
});

describe('32 api-concurrency: createApp with no dependencies configured', () => {
  let server: Listening;
  const logged: unknown[] = [];
  beforeAll(async () => {
    server = await listen(createConcurrencyApp({ log: (error) => logged.push(error) }).app);
  });
  afterAll(() => server.close());

  conformance('32', () => server.url, [
    { path: 'unknown route', status: 404, send: get('/nowhere') },
    { path: 'malformed JSON body (no route takes one)', status: 404, send: post('/ping', '{"a":') },
    {
      path: 'charset=utf-7 (no route takes a body)',
      status: 404,
      send: post('/ping', '{}', 'application/json; charset=utf-7'),
    },
    { path: 'bad query param', status: 400, send: get('/primes/inline?limit=abc') },
    { path: 'repeated query param', status: 400, send: get('/primes/inline?limit=1&limit=2') },
    { path: 'NUL in a query param', status: 400, send: get('/primes/inline?limit=%00') },
    {
      path: 'lone surrogate in a query param',
      status: 400,
      send: get(`/primes/inline?limit=${SURROGATE_IN_URL}`),
    },
    { path: '10k-char query param', status: 400, send: get(`/primes/inline?limit=${'9'.repeat(10_000)}`) },
    { path: 'lone surrogate in the path', status: 404, send: get(`/${SURROGATE_IN_URL}`) },
    { path: '503: the database is not configured', status: 503, send: get('/db/sleep?ms=0') },
    { path: '503: the upstream is not configured', status: 503, send: get('/upstream') },
  ]);

  it('32: a 503 says when to come back, in the header and the body alike', async () => {
    const res = await fetch(`${server.url}/db/sleep?ms=0`);
    const body = await expectProblem(res, 503);
    expect(res.headers.get('retry-after')).toBe('60');
    expect(body).toMatchObject({ code: 'postgres_unavailable', retryAfterSeconds: 60 });
  });
});

describe('33 rate-limiting: an Express app behind rateLimit()', () => {
  // Tooling does not depend on Express: load the copy 33 itself uses.
  const express = createRequire(new URL('../../packages/33-rate-limiting/package.json', import.meta.url))(
    'express',
  ) as () => RequestListener & {
    use(handler: ReturnType<typeof rateLimit>): void;
    get(path: string, handler: (req: unknown, res: { json(body: unknown): void }) => void): void;
  };
  const servers: Listening[] = [];
  const serve = async (limiter: RateLimiter, onStoreError: 'open' | 'closed' = 'open') => {
    const app = express();
    app.use(
      rateLimit({ limiter, onStoreError, log: () => {}, key: (req) => req.get('x-api-key') ?? 'anonymous' }),
    );
    app.get('/ok', (_req, res) => res.json({ ok: true }));
    const server = await listen(app);
    servers.push(server);
    return server.url;
  };
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
  });

  it.each([
    ['a plain key', 'k1'],
    ['a 10k-char key', LONG],
  ])('33: past the limit with %s → 429 with Retry-After and RateLimit headers', async (_, key) => {
    const url = await serve(fixedWindowMemory({ limit: 2, windowMs: 60_000 }, { name: 'api' }));
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 3; i++) {
      last = await fetch(`${url}/ok`, { headers: { 'x-api-key': key } });
      statuses.push(last.status);
      if (last.status === 200) await last.text();
    }
    expect(statuses).toEqual([200, 200, 429]);
    if (!last) throw new Error('no response');
    const body = await expectProblem(last, 429);
    const retryAfter = Number(last.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(last.headers.get('ratelimit')).toMatch(/^"api";r=0;t=\d+$/);
    expect(body).toMatchObject({
      code: 'quota_exceeded',
      violatedPolicies: ['api'],
      retryAfterSeconds: retryAfter,
    });
  });

  it('33: a failing store, fail closed → 503 with Retry-After', async () => {
    const working = fixedWindowMemory({ limit: 2, windowMs: 60_000 }, { name: 'api' });
    let consumed = 0;
    const failing: RateLimiter = {
      algorithm: working.algorithm,
      store: 'redis',
      policy: working.policy,
      name: working.name,
      consume: () => {
        consumed++;
        return Promise.reject(new Error('connection refused'));
      },
    };
    const url = await serve(failing, 'closed');
    const res = await fetch(`${url}/ok`);
    const body = await expectProblem(res, 503);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(body).toMatchObject({
      code: 'rate_limit_unavailable',
      violatedPolicies: ['api'],
      retryAfterSeconds: 1,
    });
    expect(consumed).toBe(1);
  });
});

describe('34 latency-optimization: the catalog app on PostgreSQL', () => {
  const schema = testSchema(import.meta.url, 'catalog');
  let pool: pg.Pool;
  let server: Listening;
  const errors: unknown[] = [];
  beforeAll(async () => {
    pool = await testPostgres(import.meta.url, { suffix: 'catalog' });
    await resetSchema(pool, schema);
    await createProducts(pool, 10);
    const { app } = createCatalogApp({ pool, store: memoryStore(), onError: (error) => errors.push(error) });
    server = await listen(app);
  });
  afterAll(async () => {
    await server.close();
    await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await pool.end();
  });

  const put = (id: string, body: string, contentType = 'application/json') =>
    post(`/products/${id}`, body, contentType, 'PUT');
  conformance('34', () => server.url, [
    { path: 'unknown route', status: 404, send: get('/nowhere') },
    { path: 'wrong method', status: 404, send: post('/products/1', '{}') },
    { path: 'malformed JSON', status: 400, send: put('1', '{"priceCents":') },
    { path: 'wrong content-type', status: 400, send: put('1', '{"priceCents":1}', 'text/plain') },
    {
      path: 'charset=utf-7',
      status: 415,
      send: put('1', '{"priceCents":1}', 'application/json; charset=utf-7'),
    },
    {
      path: 'oversized body',
      status: 413,
      send: put('1', JSON.stringify({ priceCents: 1, pad: 'x'.repeat(20_000) })),
    },
    { path: 'bad path param', status: 400, send: get('/products/abc') },
    { path: 'NUL in the path', status: 400, send: get('/products/%00') },
    { path: 'lone surrogate in the path', status: 400, send: get(`/products/${SURROGATE_IN_URL}`) },
    { path: '10k-char path param', status: 400, send: get(`/products/${'9'.repeat(10_000)}`) },
    { path: 'NUL in a string field', status: 400, send: put('1', JSON.stringify({ priceCents: NUL })) },
    {
      path: 'lone surrogate in a string field',
      status: 400,
      send: put('1', JSON.stringify({ priceCents: LONE_SURROGATE })),
    },
    { path: '10k-char string field', status: 400, send: put('1', JSON.stringify({ priceCents: LONG })) },
    { path: 'missing resource', status: 404, send: get('/products/999999') },
  ]);

  it('34: none of those was a server fault', () => {
    expect(errors).toEqual([]);
  });
});
