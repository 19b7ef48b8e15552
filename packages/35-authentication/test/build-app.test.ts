/** buildAuthApp: the one-call app the repo's problem-conformance test drives; its error paths, each a request. */
import { type Listening, listen } from '@lab/common/http';
import { problemViolations } from '@lab/common/problem';
import { deleteKeysWithPrefix } from '@lab/common/services';
import { testKeyPrefix, testPostgres, testRedis, testSchema } from '@lab/common/testing';
import type { Redis } from 'ioredis';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildAuthApp } from '../src/app.ts';
import { decodeSegments } from '../src/forged-tokens.ts';
import { hashPassword, type ScryptFn } from '../src/password.ts';
import { insertUser } from '../src/users.ts';

const SCHEMA = testSchema(import.meta.url);
const PREFIX = testKeyPrefix(import.meta.url);
const COST = { N: 1024, r: 8, p: 1 };
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
    passwords: { cost: COST },
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

describe('the app buildAuthApp makes', () => {
  it('issues EdDSA tokens for https://auth.lab and lab-api that its own /me accepts', async () => {
    await insertUser(pool, {
      email: 'built@example.com',
      passwordHash: await hashPassword('pw-built', { cost: COST }),
    });
    const res = await json('/auth/login', '{"email":"built@example.com","password":"pw-built"}');
    expect(res.status).toBe(200);
    const { accessToken } = (await res.json()) as { accessToken: string };
    const { header, payload } = decodeSegments(accessToken);
    expect(header.alg).toBe('EdDSA');
    expect(payload).toMatchObject({ iss: 'https://auth.lab', aud: 'lab-api' });
    const me = await fetch(`${server.url}/me`, { headers: { authorization: `Bearer ${accessToken}` } });
    expect(me.status).toBe(200);
  });

  it('does not advertise Express (no X-Powered-By)', async () => {
    const res = await fetch(`${server.url}/nowhere`);
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('a body just over 16kb: 413 payload_too_large, before the body is parsed', async () => {
    const res = await json(
      '/auth/login',
      JSON.stringify({ email: 'a@b.co', password: 'p'.repeat(17 * 1024) }),
    );
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ code: 'payload_too_large', detail: 'the body is over 16kb' });
  });

  it('JSON in a charset other than UTF-8: 415 unsupported_media_type', async () => {
    const res = await fetch(`${server.url}/auth/login`, {
      method: 'POST',
      body: '{"email":"a@b.co","password":"x"}',
      headers: { 'content-type': 'application/json; charset=latin1' },
    });
    expect(res.status).toBe(415);
    const body = await res.json();
    expect(body).toMatchObject({ code: 'unsupported_media_type', detail: 'send the body as UTF-8 JSON' });
    expect(problemViolations(body, 415)).toEqual([]);
  });
});

describe('unexpected errors', () => {
  /** An app whose password hashing fails with `error`, reporting to `reported`. */
  async function failingApp(error: unknown, reported: unknown[]) {
    const scrypt: ScryptFn = () => Promise.reject(error);
    const { app } = await buildAuthApp({
      pool,
      redis,
      prefix: PREFIX,
      passwords: { cost: COST, scrypt },
      onError: (e) => reported.push(e),
    });
    return listen(app);
  }

  // Only body-parser's statuses (400, 413, 415) are the client's body errors; any other status on an error
  // that is not an HttpError is still a 500.
  it.each([
    ['status 500', 500],
    ['status 503', 503],
    ['status 302', 302],
    ['status 404, not one body-parser gives', 404],
    ['status 422, not one body-parser gives', 422],
    ['a string status "400"', '400'],
    ['no status', undefined],
  ])('an error with %s from deep inside: 500 internal_error, and onError gets it', async (_name, status) => {
    const error = Object.assign(new Error('hashing service unavailable'), { status });
    const reported: unknown[] = [];
    const app = await failingApp(error, reported);
    try {
      const res = await fetch(`${app.url}/auth/login`, {
        method: 'POST',
        body: '{"email":"a@b.co","password":"x"}',
        headers: { 'content-type': 'application/json' },
      });
      expect(res.status).toBe(500);
      expect(await res.json()).toMatchObject({ code: 'internal_error', detail: 'internal error' });
      expect(reported).toEqual([error]);
    } finally {
      await app.close();
    }
  });

  it('without an onError, the error and its stack go to stderr, prefixed "auth: "', async () => {
    const down = await testRedis();
    const built = await buildAuthApp({ pool, redis: down, prefix: PREFIX, passwords: { cost: COST } });
    const { accessToken } = await built.tokens.startSession({ id: '1', role: 'user' });
    await down.quit();
    const app = await listen(built.app);
    const written: string[] = [];
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    try {
      const res = await fetch(`${app.url}/me`, { headers: { authorization: `Bearer ${accessToken}` } });
      expect(res.status).toBe(500);
    } finally {
      stderr.mockRestore();
      await app.close();
    }
    const reports = written.filter((w) => w.startsWith('auth: '));
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatch(/^auth: Error: Connection is closed\.\n {4}at /);
    expect(reports[0]?.endsWith('\n')).toBe(true);
  });
});
