import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { type Listening, listen } from '@lab/common/http';
import { deleteKeysWithPrefix, queryStats } from '@lab/common/services';
import { testKeyPrefix, testPostgres, testRedis, testSchema } from '@lab/common/testing';
import type { Redis } from 'ioredis';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest } from '../src/_raw-http.ts';
import type { CacheStore } from '../src/cache-store.ts';
import { memoryStore, redisStore } from '../src/cache-store.ts';
import { type CachedResponse, type CatalogApp, createCatalogApp } from '../src/catalog-app.ts';
import { createProducts, type Product } from '../src/products.ts';

const SCHEMA = testSchema(import.meta.url);
const PREFIX = testKeyPrefix(import.meta.url);

let pool: pg.Pool;
let redis: Redis;
beforeAll(async () => {
  pool = await testPostgres(import.meta.url, { max: 4 });
  await pool.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE; CREATE SCHEMA ${SCHEMA}`);
  redis = await testRedis();
});
afterAll(async () => {
  await pool.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
  await pool.end();
  await deleteKeysWithPrefix(redis, PREFIX);
  await redis.quit();
});

const stores: Array<[string, () => CacheStore<CachedResponse>]> = [
  ['in-process', () => memoryStore<CachedResponse>()],
  ['redis', () => redisStore<CachedResponse>(redis, { prefix: PREFIX })],
];

describe.each(stores)('catalog API with the %s response cache', (_name, makeStore) => {
  let catalog: CatalogApp;
  let server: Listening;
  beforeAll(async () => {
    await createProducts(pool, 300);
    catalog = createCatalogApp({ pool, store: makeStore(), onError: () => {} });
    server = await listen(catalog.app);
  });
  afterAll(async () => {
    await server.close();
  });

  /** A request and the number of SQL queries it caused. */
  async function call(path: string, options: Parameters<typeof rawRequest>[1] = {}) {
    const stats = queryStats(pool);
    stats.reset();
    const response = await rawRequest(server.url + path, options);
    return { ...response, queries: stats.count, json: () => JSON.parse(response.body.toString()) as unknown };
  }
  const put = (path: string, body: string) =>
    call(path, { method: 'PUT', headers: { 'content-type': 'application/json' }, body });

  it('GET /products/:id: 200 with a weak ETag and Cache-Control; the second read is a cache hit', async () => {
    const first = await call('/products/7');
    expect(first.status).toBe(200);
    expect(first.json()).toMatchObject({ id: 7, sku: 'SKU-000007' });
    expect(first.headers.etag).toMatch(/^W\/"[\w-]+"$/);
    expect(first.headers['cache-control']).toBe('no-cache');
    expect(first.queries).toBe(1);

    const second = await call('/products/7');
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(second.queries).toBe(0);
  });

  it('If-None-Match with the current ETag: 304, no body, no query', async () => {
    const { headers } = await call('/products/8');
    const revalidated = await call('/products/8', { headers: { 'If-None-Match': String(headers.etag) } });
    expect(revalidated.status).toBe(304);
    expect(revalidated.body.length).toBe(0);
    expect(revalidated.headers.etag).toBe(headers.etag);
    expect(revalidated.queries).toBe(0);
  });

  it('after a write the old ETag gets 200 with the new body and a new ETag (invalidation on write)', async () => {
    const before = await call('/products/9');
    const oldTag = String(before.headers.etag);
    const price = (before.json() as Product).priceCents + 1;

    const written = await put('/products/9', JSON.stringify({ priceCents: price }));
    expect(written.status).toBe(200);
    expect(written.headers.etag).not.toBe(oldTag);

    const after = await call('/products/9', { headers: { 'If-None-Match': oldTag } });
    expect(after.status).toBe(200);
    expect(after.headers.etag).toBe(written.headers.etag);
    expect((after.json() as Product).priceCents).toBe(price);
    expect(after.queries).toBe(1);

    const list = await call('/products');
    expect((list.json() as Product[]).find((p) => p.id === 9)?.priceCents).toBe(price);
  });

  it('GET /products: compressed as negotiated, same bytes after decompression, compressed once per version', async () => {
    const plain = await call('/products');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['cache-control']).toBe('public, max-age=60');
    expect(plain.headers.vary).toBe('Accept-Encoding');
    expect(plain.json()).toHaveLength(200);

    const before = { ...catalog.compressions };
    const gz = await call('/products', { headers: { 'Accept-Encoding': 'gzip' } });
    const gzAgain = await call('/products', { headers: { 'Accept-Encoding': 'gzip' } });
    const br = await call('/products', { headers: { 'Accept-Encoding': 'gzip, br' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(br.headers['content-encoding']).toBe('br');
    expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);
    expect(gzAgain.body.equals(gz.body)).toBe(true);
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    expect(gz.body.length).toBeLessThan(plain.body.length / 3);
    expect(gz.headers.etag).toBe(plain.headers.etag);
    expect(catalog.compressions).toEqual({ gzip: before.gzip + 1, br: before.br + 1 });
  });

  it('a small body is sent uncompressed even when the client accepts gzip', async () => {
    const small = await call('/products/10', { headers: { 'Accept-Encoding': 'gzip, br' } });
    expect(small.status).toBe(200);
    expect(small.headers['content-encoding']).toBeUndefined();
  });

  it('bad input gets a 4xx with a problem+json error body, never a 500', async () => {
    const cases = [
      [await call('/products/abc'), 400],
      [await call('/products/0'), 400],
      [await call('/products/99999999999'), 400],
      [await call('/products/999999'), 404],
      [await call('/nowhere'), 404],
      [await put('/products/7', '{not json'), 400],
      [await put('/products/7', JSON.stringify({ priceCents: -1 })), 400],
      [await put('/products/7', JSON.stringify({ priceCents: '12' })), 400],
      [await put('/products/999999', JSON.stringify({ priceCents: 1 })), 404],
    ] as const;
    for (const [response, status] of cases) {
      expect(response.status).toBe(status);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json()).toEqual({
        type: 'about:blank',
        title: status === 404 ? 'Not Found' : 'Bad Request',
        status,
        detail: expect.any(String),
        code: status === 404 ? 'not_found' : 'bad_request',
      });
    }
  });

  it('a JSON body in any charset but UTF-8 → 415, and the price stays', async () => {
    const before = (await call('/products/9')).json();
    for (const charset of ['utf-7', 'UTF-16LE', '"latin1"']) {
      const response = await call('/products/9', {
        method: 'PUT',
        headers: { 'content-type': `application/json; charset=${charset}` },
        body: JSON.stringify({ priceCents: 4242 }),
      });
      expect(response.status).toBe(415);
      expect(response.json()).toEqual({
        type: 'about:blank',
        title: 'Unsupported Media Type',
        status: 415,
        detail: `send the JSON body as UTF-8, not charset=${charset.replaceAll('"', '').toLowerCase()}`,
        code: 'unsupported_media_type',
      });
    }
    expect((await call('/products/9')).json()).toEqual(before);
    const utf8 = await call('/products/9', {
      method: 'PUT',
      headers: { 'content-type': 'application/json; charset=UTF-8' },
      body: JSON.stringify({ priceCents: 4242 }),
    });
    expect(utf8.status).toBe(200);
  });

  it('a missing product is cached too: the second 404 costs no query', async () => {
    expect((await call('/products/888888')).status).toBe(404);
    const again = await call('/products/888888');
    expect(again.status).toBe(404);
    expect(again.queries).toBe(0);
  });
});
