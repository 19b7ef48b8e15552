/**
 * The auth router on an app of its own: a realm other than the default reaches every challenge, and a
 * PostgreSQL outage during a refresh is a 500 that does not cost the client its session.
 */
import { type Listening, listen } from '@lab/common/http';
import { problemViolations } from '@lab/common/problem';
import { deleteKeysWithPrefix } from '@lab/common/services';
import {
  type LinkedTestPostgres,
  testKeyPrefix,
  testPostgresThroughLink,
  testRedis,
  testSchema,
} from '@lab/common/testing';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthApp } from '../src/app.ts';
import { generateSigningKey } from '../src/keys.ts';
import { hashPassword } from '../src/password.ts';
import { TokenService } from '../src/token-service.ts';
import { createUsersTable, insertUser, type User } from '../src/users.ts';
import { request, TEST_COST } from './_harness.ts';

const SCHEMA = testSchema(import.meta.url);
const PREFIX = testKeyPrefix(import.meta.url);
let db: LinkedTestPostgres;
let redis: Redis;
let tokens: TokenService;
let server: Listening;
let user: User;
const unexpected: unknown[] = [];
beforeAll(async () => {
  db = await testPostgresThroughLink(import.meta.url, { max: 2 });
  await db.pool.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE; CREATE SCHEMA ${SCHEMA}`);
  await createUsersTable(db.pool);
  user = await insertUser(db.pool, {
    email: 'ada@example.com',
    passwordHash: await hashPassword('pw-ada', { cost: TEST_COST }),
  });
  redis = await testRedis();
  tokens = new TokenService({
    key: await generateSigningKey('EdDSA'),
    issuer: 'iss',
    audience: 'aud',
    redis,
    prefix: PREFIX,
  });
  const app = createAuthApp({
    pool: db.pool,
    tokens,
    realm: 'shop',
    passwords: { cost: TEST_COST },
    onError: (error) => unexpected.push(error),
  });
  server = await listen(app);
});
afterAll(async () => {
  await server.close();
  db.link.restore();
  await db.pool.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
  await db[Symbol.asyncDispose]();
  await deleteKeysWithPrefix(redis, PREFIX);
  await redis.quit();
});

const refresh = (refreshToken: string) =>
  request(server.url, '/auth/refresh', { method: 'POST', json: { refreshToken } });

describe('the realm given to createAuthApp', () => {
  it('is the one /auth/logout challenges with', async () => {
    const reply = await request(server.url, '/auth/logout', { method: 'POST' });
    expect(reply.status).toBe(401);
    expect(reply.headers.get('www-authenticate')).toBe('Bearer realm="shop"');
  });

  it('and the one /me and the admin route challenge with', async () => {
    expect((await request(server.url, '/me')).headers.get('www-authenticate')).toBe('Bearer realm="shop"');
    const { accessToken } = await tokens.startSession(user);
    const admin = await request(server.url, '/admin/stats', { token: accessToken });
    expect(admin.status).toBe(403);
    expect(admin.headers.get('www-authenticate')).toMatch(/^Bearer realm="shop", error="insufficient_scope"/);
  });
});

describe('PostgreSQL down during a refresh', () => {
  it('is a 500 for the operator, not a 400 for the client, and the retry after it still works', async () => {
    const { refreshToken } = await tokens.startSession(user);
    unexpected.length = 0;
    db.link.drop();
    let reply: Awaited<ReturnType<typeof refresh>>;
    try {
      reply = await refresh(refreshToken);
    } finally {
      db.link.restore();
    }
    expect(reply.status).toBe(500);
    expect(reply.body.code).toBe('internal_error');
    expect(problemViolations(reply.body, 500)).toEqual([]);
    expect(unexpected).toHaveLength(1);
    // The client did nothing wrong: the same refresh token, sent again once the database is back, works.
    const retry = await refresh(refreshToken);
    expect(retry.status).toBe(200);
    expect((await request(server.url, '/me', { token: String(retry.body.accessToken) })).body).toEqual({
      id: user.id,
      role: 'user',
    });
  });
});
