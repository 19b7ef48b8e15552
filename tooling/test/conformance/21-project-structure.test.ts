import { beforeAll, describe, expect, it } from 'vitest';
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
  servedOnSchema,
} from './_problem-cases.ts';

describe('21 project-structure: the users-and-orders service on PostgreSQL', () => {
  const unexpected: unknown[] = [];
  let userId = 0;
  const served = servedOnSchema(import.meta.url, async (pool) => {
    await migrate(pool);
    const services = composeServices({ ...pgRepositories(pool), inTransaction: pgTransaction(pool) });
    return createApp(services, { onUnexpected: (e) => unexpected.push(e) });
  });
  beforeAll(async () => {
    const res = await postJson('/users', { email: 'taken@example.com', name: 'Taken' })(served.url());
    userId = ((await res.json()) as { id: number }).id;
  });

  const user = (fields: Record<string, unknown>) =>
    postJson('/users', { email: 'new@example.com', name: 'New', ...fields });
  const order = (lines: unknown) => (url: string) => postJson(`/users/${userId}/orders`, { lines })(url);
  conformance('21', served.url, [
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
