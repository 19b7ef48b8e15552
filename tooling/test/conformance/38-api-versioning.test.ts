import { manualClock } from '@lab/common/clock';
import { type Listening, listen } from '@lab/common/http';
import { afterAll, beforeAll, describe } from 'vitest';
import { createVersioningApp } from '../../../packages/38-api-versioning/src/index.ts';
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

describe('38 api-versioning: v1 and v2 over one service', () => {
  let server: Listening;
  beforeAll(async () => {
    const app = createVersioningApp({
      clock: manualClock(Date.UTC(2026, 2, 1)),
      v1Deprecation: {
        deprecatedAt: new Date(Date.UTC(2026, 0, 1)),
        sunset: new Date(Date.UTC(2027, 0, 1)),
        policyUrl: 'https://docs.example.test/deprecations',
      },
    });
    server = await listen(app);
  });
  afterAll(() => server.close());

  const create = (version: string, body: unknown) => postJson(`/api/${version}/users`, body);
  conformance('38', () => server.url, [
    { path: 'unknown version', status: 404, send: get('/api/v3/users/1') },
    { path: 'version in the wrong case', status: 404, send: get('/api/V1/users/1') },
    { path: 'unknown route', status: 404, send: get('/api/v2/orders') },
    { path: 'bad path param', status: 400, send: get('/api/v2/users/abc') },
    { path: 'NUL in the path', status: 400, send: get('/api/v2/users/%00') },
    { path: 'lone surrogate in the path', status: 400, send: get(`/api/v1/users/${SURROGATE_IN_URL}`) },
    { path: '10k-char path param', status: 400, send: get(`/api/v2/users/${'9'.repeat(10_000)}`) },
    { path: 'missing resource', status: 404, send: get('/api/v2/users/999999') },
    { path: 'malformed JSON', status: 400, send: post('/api/v2/users', '{"name":') },
    {
      path: 'NUL in a string field (v1)',
      status: 400,
      send: create('v1', { name: `a${NUL}b`, email: 'a@b.test' }),
    },
    {
      path: 'lone surrogate in a string field (v2)',
      status: 400,
      send: create('v2', { firstName: `a${LONE_SURROGATE}`, lastName: 'b', email: 'a@b.test' }),
    },
    { path: '10k-char string field', status: 400, send: create('v1', { name: LONG, email: 'a@b.test' }) },
    { path: 'oversized body', status: 413, send: create('v2', { pad: 'x'.repeat(20_000) }) },
    { path: 'unsupported query version', status: 400, send: get('/api/users/1?version=3') },
    { path: 'invalid query version', status: 400, send: get('/api/users/1?version=x') },
    {
      path: 'unsupported media-type version',
      status: 406,
      send: get('/api/users/1', { accept: 'application/vnd.lab.user+json; version=9' }),
    },
  ]);
});
