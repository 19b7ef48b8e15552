import { afterAll, beforeAll, describe } from 'vitest';
import { startSlowServer } from '../../../packages/11-async-await/src/index.ts';

import { conformance, get, post, SURROGATE_IN_URL } from './_problem-cases.ts';

describe('11 async-await: the slow server', () => {
  let server: Awaited<ReturnType<typeof startSlowServer>>;
  beforeAll(async () => {
    server = await startSlowServer({ delayMs: 0 });
  });
  afterAll(() => server.close());

  conformance('11', () => server.url, [
    { path: 'unknown route', status: 404, send: get('/nowhere') },
    { path: 'wrong method', status: 404, send: post('/item/1', '{}') },
    { path: 'malformed JSON body', status: 404, send: post('/item/1', '{"id":') },
    { path: 'bad path param', status: 404, send: get('/item/abc') },
    { path: 'NUL in the path', status: 404, send: get('/item/%00') },
    { path: 'lone surrogate in the path', status: 404, send: get(`/item/${SURROGATE_IN_URL}`) },
    { path: '10k-char path', status: 404, send: get(`/item/${'9'.repeat(10_000)}`) },
    { path: 'bad query param', status: 400, send: get('/item/1?delay=soon') },
    { path: 'NUL in a query param', status: 400, send: get('/item/1?delay=%00') },
    { path: 'lone surrogate in a query param', status: 400, send: get(`/item/1?delay=${SURROGATE_IN_URL}`) },
    { path: '10k-char query param', status: 400, send: get(`/item/1?delay=${'9'.repeat(10_000)}`) },
  ]);
});
