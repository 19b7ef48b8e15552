import { type Listening, listen } from '@lab/common/http';
import { resetSchema } from '@lab/common/services';
import { testPostgres, testSchema } from '@lab/common/testing';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
} from './_problem-cases.ts';

describe('23 dependency-injection: the wired signup app on PostgreSQL', () => {
  const schema = testSchema(import.meta.url);
  let pool: pg.Pool;
  let server: Listening;
  const unexpected: unknown[] = [];
  beforeAll(async () => {
    pool = await testPostgres(import.meta.url);
    await resetSchema(pool, schema);
    await migrate(pool);
    await migrateOutbox(pool);
    const { app } = wire(
      { pool, cache: new MemoryUserCache() },
      { app: { onUnexpected: (e) => unexpected.push(e) } },
    );
    server = await listen(app);
    await fetch(`${server.url}/signups`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'taken@example.com', name: 'Taken' }),
    });
  });
  afterAll(async () => {
    await server.close();
    await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await pool.end();
  });

  const signup = (fields: Record<string, unknown>) =>
    postJson('/signups', { email: 'new@example.com', name: 'New', ...fields });
  conformance('23', () => server.url, [
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
