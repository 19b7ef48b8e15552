import { deleteKeysWithPrefix } from '@lab/common/services';
import { testKeyPrefix, testRedis } from '@lab/common/testing';
import { describe, expect, it } from 'vitest';
import { buildAuthApp } from '../../../packages/35-authentication/src/index.ts';
import {
  conformance,
  get,
  LONE_SURROGATE,
  LONG,
  NUL,
  post,
  postJson,
  servedOnSchema,
} from './_problem-cases.ts';

type Redis = Awaited<ReturnType<typeof testRedis>>;

describe('35 authentication: login, refresh and protected routes on PostgreSQL and Redis', () => {
  const prefix = testKeyPrefix(import.meta.url);
  const errors: unknown[] = [];
  let redis: Redis | undefined;
  const served = servedOnSchema(
    import.meta.url,
    async (pool) => {
      redis = await testRedis();
      return (await buildAuthApp({ pool, redis, prefix, onError: (error) => errors.push(error) })).app;
    },
    async () => {
      if (!redis) return;
      await deleteKeysWithPrefix(redis, prefix);
      redis.disconnect();
    },
  );

  const login = (fields: Record<string, unknown>) =>
    postJson('/auth/login', { email: 'nobody@example.com', password: 'correct horse battery', ...fields });
  conformance('35', served.url, [
    { path: 'unknown route', status: 404, send: get('/nowhere') },
    { path: 'no Authorization header', status: 401, send: get('/me') },
    { path: 'garbage bearer token', status: 401, send: get('/me', { authorization: 'Bearer x' }) },
    { path: 'Bearer with no token', status: 400, send: get('/me', { authorization: 'Bearer' }) },
    { path: 'unknown user', status: 400, send: login({}) },
    { path: 'NUL in the email', status: 400, send: login({ email: `a${NUL}@example.com` }) },
    {
      path: 'lone surrogate in the password',
      status: 400,
      send: login({ password: `pass${LONE_SURROGATE}word` }),
    },
    { path: '10k-char password', status: 400, send: login({ password: LONG }) },
    { path: 'wrong type', status: 400, send: login({ email: 42 }) },
    { path: 'malformed JSON', status: 400, send: post('/auth/login', '{"email":') },
    { path: 'oversized body', status: 413, send: login({ password: 'x'.repeat(10_000_000) }) },
    {
      path: 'refresh with a garbage token',
      status: 400,
      send: postJson('/auth/refresh', { refreshToken: 'a.b.c' }),
    },
    { path: 'logout without a token', status: 401, send: post('/auth/logout', '{}') },
  ]);

  it('35: none of those was a server fault', () => {
    expect(errors).toEqual([]);
  });
});
