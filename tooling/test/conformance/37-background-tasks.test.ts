import { type Listening, listen } from '@lab/common/http';
import { deleteKeysWithPrefix } from '@lab/common/services';
import { testKeyPrefix, testRedis } from '@lab/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReportsApp, RedisQueue } from '../../../packages/37-background-tasks/src/index.ts';
import {
  conformance,
  get,
  LONE_SURROGATE,
  LONG,
  NUL,
  post,
  postJson,
  SURROGATE_IN_URL,
} from './_problem-cases.ts';

type Redis = Awaited<ReturnType<typeof testRedis>>;

describe('37 background-tasks: POST /reports and GET /jobs/:id on a Redis queue', () => {
  const prefix = testKeyPrefix(import.meta.url);
  const errors: unknown[] = [];
  let redis: Redis;
  let server: Listening;
  beforeAll(async () => {
    redis = await testRedis();
    const queue = new RedisQueue({ redis, prefix });
    server = await listen(createReportsApp({ queue, onError: (error) => errors.push(error) }));
    await fetch(`${server.url}/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'once' },
      body: JSON.stringify({ userId: 'u1', kind: 'sales', month: '2026-01' }),
    });
  });
  afterAll(async () => {
    await server.close();
    await deleteKeysWithPrefix(redis, prefix);
    redis.disconnect();
  });

  const report = (fields: Record<string, unknown>) =>
    postJson('/reports', { userId: 'u1', kind: 'sales', month: '2026-02', ...fields });
  const withKey =
    (key: string, fields: Record<string, unknown> = {}) =>
    (url: string) =>
      fetch(`${url}/reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify({ userId: 'u1', kind: 'sales', month: '2026-01', ...fields }),
      });
  conformance('37', () => server.url, [
    { path: 'unknown route', status: 404, send: get('/nowhere') },
    { path: 'unknown job', status: 404, send: get('/jobs/nope') },
    { path: 'NUL in the job id', status: 404, send: get('/jobs/a%00b') },
    { path: 'lone surrogate in the job id', status: 400, send: get(`/jobs/${SURROGATE_IN_URL}`) },
    { path: '10k-char job id', status: 404, send: get(`/jobs/${'x'.repeat(10_000)}`) },
    { path: 'malformed JSON', status: 400, send: post('/reports', '{"userId":') },
    { path: 'wrong content-type', status: 415, send: post('/reports', '{}', 'text/plain') },
    { path: 'oversized body', status: 413, send: report({ pad: 'x'.repeat(20_000) }) },
    { path: 'NUL in a string field', status: 400, send: report({ userId: `a${NUL}b` }) },
    { path: 'lone surrogate in a string field', status: 400, send: report({ userId: `a${LONE_SURROGATE}` }) },
    { path: '10k-char string field', status: 400, send: report({ userId: LONG }) },
    { path: 'unknown kind', status: 400, send: report({ kind: 'everything' }) },
    { path: 'extra field', status: 400, send: report({ priority: 'high' }) },
    { path: 'bad idempotency key', status: 400, send: withKey('has space') },
    {
      path: 'idempotency key reused with another body',
      status: 422,
      send: withKey('once', { month: '2026-03' }),
    },
  ]);

  it('37: none of those was a server fault', () => {
    expect(errors).toEqual([]);
  });
});
