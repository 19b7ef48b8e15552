/**
 * requireAuth and requireRole mounted on their own (not through createAuthApp): their default realm, and
 * requireRole refusing a request that requireAuth never saw instead of letting it through.
 */
import { type Listening, listen } from '@lab/common/http';
import { deleteKeysWithPrefix } from '@lab/common/services';
import { testKeyPrefix, testRedis } from '@lab/common/testing';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpError } from '../src/_http-error.ts';
import { generateSigningKey } from '../src/keys.ts';
import { principalOf, requireAuth, requireRole } from '../src/middleware.ts';
import { TokenService } from '../src/token-service.ts';

const PREFIX = testKeyPrefix(import.meta.url);
let redis: Redis;
let tokens: TokenService;
let server: Listening;
beforeAll(async () => {
  redis = await testRedis();
  tokens = new TokenService({
    key: await generateSigningKey('HS256'),
    issuer: 'iss',
    audience: 'aud',
    redis,
    prefix: PREFIX,
  });
  const app = express();
  app.get('/signed-in', requireAuth(tokens), (req, res) => {
    res.json({ sub: principalOf(req)?.sub });
  });
  // The mistake requireRole guards against: mounted with no requireAuth in front of it.
  app.get('/role-only', requireRole(['admin']), (_req, res) => {
    res.json({ reached: true });
  });
  app.get('/admin', requireAuth(tokens), requireRole(['admin']), (_req, res) => {
    res.json({ reached: true });
  });
  app.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (!(error instanceof HttpError)) return next(error);
    res.status(error.status).set(error.headers).json({ code: error.code, detail: error.message });
  });
  server = await listen(app);
});
afterAll(async () => {
  await server.close();
  await deleteKeysWithPrefix(redis, PREFIX);
  await redis.quit();
});

async function get(path: string, token?: string) {
  const res = await fetch(server.url + path, {
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
  });
  return {
    status: res.status,
    challenge: res.headers.get('www-authenticate'),
    body: (await res.json()) as Record<string, unknown>,
  };
}

describe('requireAuth with no options', () => {
  it('challenges for the realm "api"', async () => {
    expect(await get('/signed-in')).toEqual({
      status: 401,
      challenge: 'Bearer realm="api"',
      body: { code: 'missing_token', detail: 'send Authorization: Bearer <access token>' },
    });
  });

  it('a valid token passes and its claims are the principal', async () => {
    const { accessToken } = await tokens.startSession({ id: '42', role: 'user' });
    expect(await get('/signed-in', accessToken)).toMatchObject({ status: 200, body: { sub: '42' } });
  });
});

describe('requireRole with no options', () => {
  it('without requireAuth in front: 401 missing_token, even for a valid admin token', async () => {
    const { accessToken } = await tokens.startSession({ id: '1', role: 'admin' });
    expect(await get('/role-only', accessToken)).toEqual({
      status: 401,
      challenge: 'Bearer realm="api"',
      body: { code: 'missing_token', detail: 'send Authorization: Bearer <access token>' },
    });
  });

  it('a user where admin is needed: 403 naming the role, in the realm "api"', async () => {
    const { accessToken } = await tokens.startSession({ id: '2', role: 'user' });
    expect(await get('/admin', accessToken)).toEqual({
      status: 403,
      challenge:
        'Bearer realm="api", error="insufficient_scope", error_description="the token lacks the required role", scope="admin"',
      body: { code: 'insufficient_role', detail: 'this needs the role admin' },
    });
  });

  it('an admin passes both', async () => {
    const { accessToken } = await tokens.startSession({ id: '1', role: 'admin' });
    expect(await get('/admin', accessToken)).toMatchObject({ status: 200, body: { reached: true } });
  });
});
