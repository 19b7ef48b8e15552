import { beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../packages/21-project-structure/src/index.ts';
import { createLoggedService, LogCapture } from '../../../packages/29-logging-and-errors/src/index.ts';
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

describe("29 logging-and-errors: 21's service behind the logging error middleware", () => {
  const logs = new LogCapture();
  const served = servedOnSchema(import.meta.url, async (pool) => {
    await migrate(pool);
    return createLoggedService(pool, { destination: logs }).app;
  });
  beforeAll(async () => {
    await postJson('/users', { email: 'taken@example.com', name: 'Taken' })(served.url());
  });

  const user = (fields: Record<string, unknown>) =>
    postJson('/users', { email: 'new@example.com', name: 'New', ...fields });
  conformance('29', served.url, [
    { path: 'unknown route', status: 404, send: get('/nowhere') },
    { path: 'bad path param', status: 400, send: get('/users/abc') },
    { path: 'NUL in the path', status: 400, send: get('/users/%00') },
    { path: '10k-char path param', status: 400, send: get(`/users/${'9'.repeat(10_000)}`) },
    { path: 'missing resource', status: 404, send: get('/users/999999') },
    { path: 'malformed JSON', status: 400, send: post('/users', '{"email":') },
    { path: 'NUL in a string field', status: 422, send: user({ name: `a${NUL}b` }) },
    { path: 'lone surrogate in a string field', status: 422, send: user({ name: `a${LONE_SURROGATE}` }) },
    { path: '10k-char string field', status: 422, send: user({ name: LONG }) },
    { path: 'extra field', status: 422, send: user({ isAdmin: true }) },
    { path: 'email taken', status: 409, send: user({ email: 'taken@example.com' }) },
  ]);

  it('29: none of those was logged as a server fault', () => {
    expect(logs.records.filter((r) => Number(r.level) >= 50)).toEqual([]);
  });
});
