import { type Listening, listen } from '@lab/common/http';
import { resetSchema } from '@lab/common/services';
import { testPostgres, testSchema } from '@lab/common/testing';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  composeServices,
  createApp,
  migrate,
  pgRepositories,
  pgTransaction,
} from '../../../packages/21-project-structure/src/index.ts';
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

describe('21 project-structure: the users-and-orders service on PostgreSQL', () => {
  const schema = testSchema(import.meta.url);
  let pool: pg.Pool;
  let server: Listening;
  const unexpected: unknown[] = [];
  let userId = 0;
  beforeAll(async () => {
    pool = await testPostgres(import.meta.url);
    await resetSchema(pool, schema);
    await migrate(pool);
    const services = composeServices({ ...pgRepositories(pool), inTransaction: pgTransaction(pool) });
    server = await listen(createApp(services, { onUnexpected: (e) => unexpected.push(e) }));
    const res = await postJson('/users', { email: 'taken@example.com', name: 'Taken' })(server.url);
    userId = ((await res.json()) as { id: number }).id;
  });
  afterAll(async () => {
    await server.close();
    await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await pool.end();
  });

  const user = (fields: Record<string, unknown>) =>
    postJson('/users', { email: 'new@example.com', name: 'New', ...fields });
  const order = (lines: unknown) => (url: string) => postJson(`/users/${userId}/orders`, { lines })(url);
  conformance('21', () => server.url, [
    { path: 'unknown route', status: 404, send: get('/nowhere') },
    { path: 'bad path param', status: 400, send: get('/users/abc') },
    { path: 'NUL in the path', status: 400, send: get('/users/%00') },
    { path: 'lone surrogate in the path', status: 400, send: get(`/users/${SURROGATE_IN_URL}`) },
    { path: '10k-char path param', status: 400, send: get(`/users/${'9'.repeat(10_000)}`) },
    { path: 'missing resource', status: 404, send: get('/users/999999') },
    { path: 'missing order', status: 404, send: get('/orders/999999') },
    { path: 'malformed JSON', status: 400, send: post('/users', '{"email":') },
    { path: 'oversized body', status: 413, send: user({ name: 'x'.repeat(20_000) }) },
    { path: 'NUL in a string field', status: 422, send: user({ name: `a${NUL}b` }) },
    { path: 'lone surrogate in a string field', status: 422, send: user({ name: `a${LONE_SURROGATE}` }) },
    { path: '10k-char string field', status: 422, send: user({ name: LONG }) },
    { path: 'extra field', status: 422, send: user({ role: 'admin' }) },
    { path: 'email taken', status: 409, send: user({ email: 'taken@example.com' }) },
    { path: 'order with no lines', status: 422, send: order([]) },
  ]);

  it('21: none of those was a server fault', () => {
    expect(unexpected).toEqual([]);
  });
});
