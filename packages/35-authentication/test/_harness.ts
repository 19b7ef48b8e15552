/** One real stack per test file: PostgreSQL schema, Redis prefix, keys, token service, app on loopback. */
import { type ManualClock, manualClock } from '@lab/common/clock';
import { type Listening, listen } from '@lab/common/http';
import { deleteKeysWithPrefix } from '@lab/common/services';
import { testKeyPrefix, testPostgres, testRedis, testSchema } from '@lab/common/testing';
import type { Redis } from 'ioredis';
import type pg from 'pg';
import { createAuthApp } from '../src/app.ts';
import { type Algorithm, generateSigningKey, type SigningKey } from '../src/keys.ts';
import type { ScryptCost, ScryptFn } from '../src/password.ts';
import { hashPassword, nodeScrypt } from '../src/password.ts';
import { TokenService } from '../src/token-service.ts';
import { createUsersTable, insertUser, type Role, type User } from '../src/users.ts';

/** Cheap enough for many logins on a loaded machine; the format and code path are the production ones. */
export const TEST_COST: ScryptCost = { N: 2 ** 10, r: 8, p: 1 };
export const ISSUER = 'https://auth.lab.test';
export const AUDIENCE = 'lab-api';
/** 2030-01-01T00:00:00Z: every token's iat/exp comes from this pinned clock, never from the real one. */
export const START = Date.UTC(2030, 0, 1);

export interface Harness {
  pool: pg.Pool;
  redis: Redis;
  prefix: string;
  clock: ManualClock;
  key: SigningKey;
  tokens: TokenService;
  server: Listening;
  /** Real scrypt runs since the harness started (every hash and verify goes through it). */
  scryptCalls: { count: number };
  addUser(email: string, password: string, role?: Role, cost?: ScryptCost): Promise<User>;
  close(): Promise<void>;
}

export async function startHarness(fileUrl: string, alg: Algorithm = 'EdDSA'): Promise<Harness> {
  const schema = testSchema(fileUrl);
  const pool = await testPostgres(fileUrl, { max: 4 });
  await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`);
  await createUsersTable(pool);
  const redis = await testRedis();
  const prefix = testKeyPrefix(fileUrl);
  const clock = manualClock(START);
  const key = await generateSigningKey(alg);
  const tokens = new TokenService({ key, issuer: ISSUER, audience: AUDIENCE, redis, prefix, now: clock.now });
  const scryptCalls = { count: 0 };
  const scrypt: ScryptFn = (...args) => {
    scryptCalls.count++;
    return nodeScrypt(...args);
  };
  const app = createAuthApp({ pool, tokens, passwords: { cost: TEST_COST, scrypt }, onError: () => {} });
  const server = await listen(app);
  return {
    pool,
    redis,
    prefix,
    clock,
    key,
    tokens,
    server,
    scryptCalls,
    addUser: async (email, password, role = 'user', cost = TEST_COST) =>
      insertUser(pool, { email, role, passwordHash: await hashPassword(password, { cost }) }),
    close: async () => {
      await server.close();
      await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await pool.end();
      await deleteKeysWithPrefix(redis, prefix);
      await redis.quit();
    },
  };
}

export interface Reply {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

/** A real request; the body is parsed as JSON when there is one. */
export async function request(
  url: string,
  path: string,
  init: {
    method?: string;
    token?: string;
    json?: unknown;
    raw?: string;
    headers?: Record<string, string>;
  } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token !== undefined) headers.authorization = `Bearer ${init.token}`;
  let body: string | undefined;
  if (init.json !== undefined || init.raw !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = init.raw ?? JSON.stringify(init.json);
  }
  const res = await fetch(url + path, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body });
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
}
