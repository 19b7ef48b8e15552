import { beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../packages/21-project-structure/src/index.ts';
import { MemoryUserCache, migrateOutbox, wire } from '../../../packages/23-dependency-injection/src/index.ts';
import {
  conformance,
  get,
  LONE_SURROGATE,
  LONG,
  NUL,
  post,
  postJson,
  SURROGATE_IN_URL,
  servedOnSchema,
} from './_problem-cases.ts';

describe('23 dependency-injection: the wired signup app on PostgreSQL', () => {
  const unexpected: unknown[] = [];
  const served = servedOnSchema(import.meta.url, async (pool) => {
    await migrate(pool);
    await migrateOutbox(pool);
    return wire({ pool, cache: new MemoryUserCache() }, { app: { onUnexpected: (e) => unexpected.push(e) } })
      .app;
  });
  beforeAll(async () => {
    await postJson('/signups', { email: 'taken@example.com', name: 'Taken' })(served.url());
  });

  const signup = (fields: Record<string, unknown>) =>
    postJson('/signups', { email: 'new@example.com', name: 'New', ...fields });
  conformance('23', served.url, [
    { path: 'unknown route', status: 404, send: get('/nowhere') },
    { path: 'bad path param', status: 400, send: get('/users/abc') },
    { path: 'NUL in the path', status: 400, send: get('/users/%00') },
    { path: 'lone surrogate in the path', status: 400, send: get(`/users/${SURROGATE_IN_URL}`) },
    { path: 'missing resource', status: 404, send: get('/users/99999999999') },
    { path: 'malformed JSON', status: 400, send: post('/signups', '{"email":') },
    { path: 'oversized body', status: 413, send: signup({ name: 'x'.repeat(20_000) }) },
    { path: 'NUL in a string field', status: 422, send: signup({ name: `a${NUL}b` }) },
    { path: 'lone surrogate in a string field', status: 422, send: signup({ name: `a${LONE_SURROGATE}` }) },
    { path: '10k-char string field', status: 422, send: signup({ name: LONG.slice(0, 10_000) }) },
    { path: 'wrong type', status: 422, send: signup({ email: 42 }) },
    { path: 'extra field', status: 422, send: signup({ role: 'admin' }) },
    { path: 'email taken', status: 409, send: signup({ email: 'taken@example.com' }) },
  ]);

  it('23: none of those was a server fault', () => {
    expect(unexpected).toEqual([]);
  });
});
