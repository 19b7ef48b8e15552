import { describe, expect, it } from 'vitest';
import {
  createCatalogApp,
  createProducts,
  memoryStore,
} from '../../../packages/34-latency-optimization/src/index.ts';

import {
  conformance,
  get,
  LONE_SURROGATE,
  LONG,
  NUL,
  post,
  SURROGATE_IN_URL,
  servedOnSchema,
} from './_problem-cases.ts';

describe('34 latency-optimization: the catalog app on PostgreSQL', () => {
  const errors: unknown[] = [];
  const served = servedOnSchema(import.meta.url, async (pool) => {
    await createProducts(pool, 10);
    return createCatalogApp({ pool, store: memoryStore(), onError: (error) => errors.push(error) }).app;
  });

  const put = (id: string, body: string, contentType = 'application/json') =>
    post(`/products/${id}`, body, contentType, 'PUT');
  conformance('34', served.url, [
    { path: 'unknown route', status: 404, send: get('/nowhere') },
    { path: 'wrong method', status: 404, send: post('/products/1', '{}') },
    { path: 'malformed JSON', status: 400, send: put('1', '{"priceCents":') },
    { path: 'wrong content-type', status: 400, send: put('1', '{"priceCents":1}', 'text/plain') },
    {
      path: 'charset=utf-7',
      status: 415,
      send: put('1', '{"priceCents":1}', 'application/json; charset=utf-7'),
    },
    {
      path: 'oversized body',
      status: 413,
      send: put('1', JSON.stringify({ priceCents: 1, pad: 'x'.repeat(20_000) })),
    },
    { path: 'bad path param', status: 400, send: get('/products/abc') },
    { path: 'NUL in the path', status: 400, send: get('/products/%00') },
    { path: 'lone surrogate in the path', status: 400, send: get(`/products/${SURROGATE_IN_URL}`) },
    { path: '10k-char path param', status: 400, send: get(`/products/${'9'.repeat(10_000)}`) },
    { path: 'NUL in a string field', status: 400, send: put('1', JSON.stringify({ priceCents: NUL })) },
    {
      path: 'lone surrogate in a string field',
      status: 400,
      send: put('1', JSON.stringify({ priceCents: LONE_SURROGATE })),
    },
    { path: '10k-char string field', status: 400, send: put('1', JSON.stringify({ priceCents: LONG })) },
    { path: 'missing resource', status: 404, send: get('/products/999999') },
  ]);

  it('34: none of those was a server fault', () => {
    expect(errors).toEqual([]);
  });
});
