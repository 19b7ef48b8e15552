import { describe, expect, it } from 'vitest';
import {
  createApp as createUsersApp,
  migrate,
  seed,
} from '../../../packages/31-rest-api-design/src/index.ts';

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

describe('31 rest-api-design: the users API on PostgreSQL', () => {
  const serverErrors: unknown[] = [];
  const served = servedOnSchema(import.meta.url, async (pool) => {
    await migrate(pool);
    await seed(pool, { users: 3 });
    return createUsersApp({ pool, onError: (error) => serverErrors.push(error) });
  });

  const user = (fields: Record<string, unknown>) => ({
    name: 'Someone',
    email: 'someone@example.com',
    password: 'long-enough',
    ...fields,
  });
  conformance('31', served.url, [
    { path: 'unknown route', status: 404, send: get('/api/v1/nowhere') },
    { path: 'wrong method', status: 405, send: post('/api/v1/users/1/orders', '{}') },
    { path: 'malformed JSON', status: 400, send: post('/api/v1/users', '{"name":') },
    { path: 'wrong content-type', status: 415, send: post('/api/v1/users', '{}', 'text/plain') },
    {
      path: 'charset=utf-7',
      status: 415,
      send: post('/api/v1/users', JSON.stringify(user({})), 'application/json; charset=utf-7'),
    },
    {
      path: 'oversized body',
      status: 413,
      send: postJson('/api/v1/users', user({ name: 'x'.repeat(20_000) })),
    },
    { path: 'bad path param', status: 400, send: get('/api/v1/users/abc') },
    { path: 'bad query param', status: 400, send: get('/api/v1/users?page=abc') },
    { path: 'NUL in the path', status: 400, send: get('/api/v1/users/%00') },
    { path: 'lone surrogate in the path', status: 400, send: get(`/api/v1/users/${SURROGATE_IN_URL}`) },
    { path: '10k-char path param', status: 400, send: get(`/api/v1/users/${'9'.repeat(10_000)}`) },
    {
      path: 'NUL in a string field',
      status: 422,
      send: postJson('/api/v1/users', user({ name: `a${NUL}b` })),
    },
    {
      path: 'lone surrogate in a string field',
      status: 422,
      send: postJson('/api/v1/users', user({ name: `a${LONE_SURROGATE}b` })),
    },
    { path: '10k-char string field', status: 422, send: postJson('/api/v1/users', user({ name: LONG })) },
    { path: 'NUL in a query param', status: 400, send: get('/api/v1/users?role=%00') },
    { path: 'missing resource', status: 404, send: get('/api/v1/users/999999') },
  ]);

  it('31: none of those was a server fault', () => {
    expect(serverErrors).toEqual([]);
  });
});
