/** buildAuthApp: the one-call app the repo's problem-conformance test drives; its error paths, each a request. */
import { type Listening, listen } from '@lab/common/http';
import { problemViolations } from '@lab/common/problem';
import { deleteKeysWithPrefix } from '@lab/common/services';
import { testKeyPrefix, testPostgres, testRedis, testSchema } from '@lab/common/testing';
import type { Redis } from 'ioredis';
import type pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildAuthApp } from '../src/app.ts';

const SCHEMA = testSchema(import.meta.url);
const PREFIX = testKeyPrefix(import.meta.url);
let pool: pg.Pool;
let redis: Redis;
let server: Listening;
beforeAll(async () => {
  pool = await testPostgres(import.meta.url, { max: 2 });
  await pool.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE; CREATE SCHEMA ${SCHEMA}`);
  redis = await testRedis();
  const { app } = await buildAuthApp({
    pool,
    redis,
    prefix: PREFIX,
    passwords: { cost: { N: 1024, r: 8, p: 1 } },
  });
  server = await listen(app);
});
afterAll(async () => {
  await server.close();
  await pool.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
  await pool.end();
  await deleteKeysWithPrefix(redis, PREFIX);
  await redis.quit();
});

const json = (path: string, body: string) =>
  fetch(server.url + path, { method: 'POST', body, headers: { 'content-type': 'application/json' } });

it.each([
  ['GET /nowhere', () => fetch(`${server.url}/nowhere`), 404],
  ['GET /me without a token', () => fetch(`${server.url}/me`), 401],
  [
    'GET /me with a garbage token',
    () => fetch(`${server.url}/me`, { headers: { authorization: 'Bearer x' } }),
    401,
  ],
  [
    'GET /me with "Bearer" alone',
    () => fetch(`${server.url}/me`, { headers: { authorization: 'Bearer' } }),
    400,
  ],
  ['POST /auth/login, unknown user', () => json('/auth/login', '{"email":"a@b.co","password":"x"}'), 400],
  ['POST /auth/login, NUL', () => json('/auth/login', '{"email":"a\\u0000@b.co","password":"x"}'), 400],
  [
    'POST /auth/login, lone surrogate',
    () => json('/auth/login', '{"email":"a@b.co","password":"\\ud800"}'),
    400,
  ],
  ['POST /auth/login, malformed JSON', () => json('/auth/login', '{"email":'), 400],
  ['POST /auth/refresh, garbage', () => json('/auth/refresh', '{"refreshToken":"a.b.c"}'), 400],
  ['POST /auth/logout without a token', () => fetch(`${server.url}/auth/logout`, { method: 'POST' }), 401],
])('%s → %i problem body', async (_name, send, status) => {
  const res = await send();
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(problemViolations(await res.json(), status)).toEqual([]);
});
