import { type Listening, listen } from '@lab/common/http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp as createConcurrencyApp } from '../../../packages/32-api-concurrency/src/index.ts';

import { conformance, expectProblem, get, post, SURROGATE_IN_URL } from './_problem-cases.ts';

describe('32 api-concurrency: createApp with no dependencies configured', () => {
  let server: Listening;
  const logged: unknown[] = [];
  beforeAll(async () => {
    server = await listen(createConcurrencyApp({ log: (error) => logged.push(error) }).app);
  });
  afterAll(() => server.close());

  conformance('32', () => server.url, [
    { path: 'unknown route', status: 404, send: get('/nowhere') },
    { path: 'malformed JSON body (no route takes one)', status: 404, send: post('/ping', '{"a":') },
    {
      path: 'charset=utf-7 (no route takes a body)',
      status: 404,
      send: post('/ping', '{}', 'application/json; charset=utf-7'),
    },
    { path: 'bad query param', status: 400, send: get('/primes/inline?limit=abc') },
    { path: 'repeated query param', status: 400, send: get('/primes/inline?limit=1&limit=2') },
    { path: 'NUL in a query param', status: 400, send: get('/primes/inline?limit=%00') },
    {
      path: 'lone surrogate in a query param',
      status: 400,
      send: get(`/primes/inline?limit=${SURROGATE_IN_URL}`),
    },
    { path: '10k-char query param', status: 400, send: get(`/primes/inline?limit=${'9'.repeat(10_000)}`) },
    { path: 'lone surrogate in the path', status: 404, send: get(`/${SURROGATE_IN_URL}`) },
    { path: '503: the database is not configured', status: 503, send: get('/db/sleep?ms=0') },
    { path: '503: the upstream is not configured', status: 503, send: get('/upstream') },
  ]);

  it('32: a 503 says when to come back, in the header and the body alike', async () => {
    const res = await fetch(`${server.url}/db/sleep?ms=0`);
    const body = await expectProblem(res, 503);
    expect(res.headers.get('retry-after')).toBe('60');
    expect(body).toMatchObject({ code: 'postgres_unavailable', retryAfterSeconds: 60 });
  });
});
