import { gunzipSync } from 'node:zlib';
import { type Listening, listen } from '@lab/common/http';
import { testPostgres, testSchema } from '@lab/common/testing';
import type pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { rawRequest } from '../src/_raw-http.ts';
import { type CacheStore, memoryStore } from '../src/cache-store.ts';
import { type CachedResponse, createCatalogApp } from '../src/catalog-app.ts';
import { MIN_COMPRESS_BYTES } from '../src/compression.ts';
import { createProducts, type Product } from '../src/products.ts';

const SCHEMA = testSchema(import.meta.url);

let pool: pg.Pool;
beforeAll(async () => {
  pool = await testPostgres(import.meta.url, { max: 4 });
  await pool.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE; CREATE SCHEMA ${SCHEMA}`);
  await createProducts(pool, 20);
});
afterAll(async () => {
  await pool.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
  await pool.end();
});

const servers: Listening[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

type Options = Parameters<typeof createCatalogApp>[0];

/** A catalogue on a real port, with `onError` recorded unless the test replaces it. */
async function start(overrides: Partial<Options> = {}) {
  const errors: unknown[] = [];
  const catalog = createCatalogApp({
    pool,
    store: memoryStore<CachedResponse>(),
    onError: (error) => errors.push(error),
    ...overrides,
  });
  const server = await listen(catalog.app);
  servers.push(server);
  const call = async (path: string, options: Parameters<typeof rawRequest>[1] = {}) => {
    const response = await rawRequest(server.url + path, options);
    return { ...response, json: () => JSON.parse(response.body.toString()) as unknown };
  };
  const put = (path: string, body?: string, contentType = 'application/json') =>
    call(path, {
      method: 'PUT',
      headers: body === undefined ? {} : { 'content-type': contentType },
      ...(body === undefined ? {} : { body }),
    });
  return { catalog, call, put, errors };
}

const problem = (status: number, title: string, code: string, detail: string) => ({
  type: 'about:blank',
  title,
  status,
  detail,
  code,
});

/** A pool whose every query fails with `error`: the origin going wrong in a way the client must not see. */
const failingPool = (error: unknown) => ({ query: () => Promise.reject(error) }) as unknown as pg.Pool;

describe('catalog API: ids and prices are validated at the edge', () => {
  it.each([
    ['+7', '"+7"'],
    ['-7', '"-7"'],
    ['1e3', '"1e3"'],
    ['7%20', '"7 "'],
    ['2147483648', '"2147483648"'],
  ])('GET /products/%s → 400 naming the raw id', async (raw, shown) => {
    const { call } = await start();
    const response = await call(`/products/${raw}`);
    expect(response.status).toBe(400);
    expect(response.json()).toEqual(
      problem(400, 'Bad Request', 'bad_request', `product id must be a positive integer, got ${shown}`),
    );
  });

  it('the largest PostgreSQL integer is a valid id: 404 for a product that does not exist, naming it', async () => {
    const { call } = await start();
    const response = await call('/products/2147483647');
    expect(response.status).toBe(404);
    expect(response.json()).toEqual(problem(404, 'Not Found', 'not_found', 'no product 2147483647'));
  });

  it('PUT of a missing product → 404 naming it', async () => {
    const { put } = await start();
    const response = await put('/products/999999', JSON.stringify({ priceCents: 1 }));
    expect(response.json()).toEqual(problem(404, 'Not Found', 'not_found', 'no product 999999'));
  });

  it('an unknown route → 404 "no such route"', async () => {
    const { call } = await start();
    expect((await call('/nowhere')).json()).toEqual(problem(404, 'Not Found', 'not_found', 'no such route'));
  });

  it.each([
    ['no body at all', undefined],
    ['a fractional price', JSON.stringify({ priceCents: 1.5 })],
    ['a price above the integer column', JSON.stringify({ priceCents: 2_147_483_648 })],
    ['a string price', JSON.stringify({ priceCents: '12' })],
  ])('PUT with %s → 400 explaining the expected body', async (_case, body) => {
    const { put, errors } = await start();
    const response = await put('/products/3', body);
    expect(response.status).toBe(400);
    expect(response.json()).toEqual(
      problem(
        400,
        'Bad Request',
        'bad_request',
        'body must be JSON like {"priceCents": 1999} (an integer ≥ 0)',
      ),
    );
    // A client's mistake is not the server's: nothing goes to the error log.
    expect(errors).toEqual([]);
  });

  it.each([0, 2_147_483_647])('PUT priceCents %i (a bound) is accepted and stored', async (priceCents) => {
    const { put, call } = await start();
    const written = await put('/products/4', JSON.stringify({ priceCents }));
    expect(written.status).toBe(200);
    expect((written.json() as Product).priceCents).toBe(priceCents);
    expect(((await call('/products/4')).json() as Product).priceCents).toBe(priceCents);
  });

  it('a PUT answers with the new ETag (the one a GET then sends), no-store and a JSON content type', async () => {
    const { put, call } = await start();
    const written = await put('/products/5', JSON.stringify({ priceCents: 777 }));
    expect(written.headers.etag).toMatch(/^W\/"[\w-]+"$/);
    expect(written.headers['cache-control']).toBe('no-store');
    expect(written.headers['content-type']).toBe('application/json; charset=utf-8');
    const read = await call('/products/5');
    expect(read.headers.etag).toBe(written.headers.etag);
    expect(read.headers['content-type']).toBe('application/json; charset=utf-8');
  });

  it('a body over 10 kB → 413 payload_too_large', async () => {
    const { put } = await start();
    const response = await put('/products/3', JSON.stringify({ priceCents: 1, pad: 'x'.repeat(11_000) }));
    expect(response.status).toBe(413);
    expect(response.json()).toMatchObject({ status: 413, code: 'payload_too_large' });
  });

  it.each([
    ['application/json;charset=utf-16le', 'utf-16le'],
    ['application/json; charset = latin1', 'latin1'],
  ])('Content-Type %s → our 415, whatever the spacing around charset', async (contentType, charset) => {
    const { put } = await start();
    const response = await put('/products/3', JSON.stringify({ priceCents: 5 }), contentType);
    expect(response.json()).toEqual(
      problem(
        415,
        'Unsupported Media Type',
        'unsupported_media_type',
        `send the JSON body as UTF-8, not charset=${charset}`,
      ),
    );
  });
});

describe('createProducts', () => {
  it('rejects a negative or fractional count, naming it', async () => {
    await expect(createProducts(pool, 2.5)).rejects.toThrow(
      new RangeError('count must be an integer ≥ 0, got 2.5'),
    );
  });
});

describe('catalog API: the response cache', () => {
  /** A memory store that records the TTL of every fill. */
  function recordingStore() {
    const inner = memoryStore<CachedResponse>();
    const ttls = new Map<string, number>();
    const store: CacheStore<CachedResponse> = {
      kind: inner.kind,
      get: (key) => inner.get(key),
      delete: (key) => inner.delete(key),
      set: async (key, value, ttlMs) => {
        ttls.set(key, ttlMs);
        await inner.set(key, value, ttlMs);
      },
    };
    return { store, ttls };
  }

  it('a found product lives ttlMs, a cached 404 only notFoundTtlMs', async () => {
    const { store, ttls } = recordingStore();
    const { call } = await start({ store, ttlMs: 60_000, notFoundTtlMs: 1_500 });
    expect((await call('/products/2')).status).toBe(200);
    expect((await call('/products/424242')).status).toBe(404);
    expect(Object.fromEntries(ttls)).toEqual({ 'product:2': 60_000, 'product:424242': 1_500 });
  });

  it(`a body of exactly MIN_COMPRESS_BYTES (${MIN_COMPRESS_BYTES}) is compressed`, async () => {
    const store = memoryStore<CachedResponse>();
    // A JSON string of exactly the threshold: the boundary itself is worth compressing.
    const exact = JSON.stringify('x'.repeat(MIN_COMPRESS_BYTES - 2));
    expect(Buffer.byteLength(exact)).toBe(MIN_COMPRESS_BYTES);
    await store.set('product:6', { body: exact, etag: 'W/"exact"' }, 60_000);
    const { call, catalog } = await start({ store });
    const response = await call('/products/6', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(response.body).toString()).toBe(exact);
    expect(catalog.compressions.gzip).toBe(1);
  });

  it('a 304 carries the validators and caching headers but no content type and no body', async () => {
    const { call } = await start();
    const first = await call('/products/8');
    const revalidated = await call('/products/8', {
      headers: { 'If-None-Match': String(first.headers.etag) },
    });
    expect(revalidated.status).toBe(304);
    expect(revalidated.body.length).toBe(0);
    expect(revalidated.headers).toMatchObject({ etag: first.headers.etag, 'cache-control': 'no-cache' });
    expect(revalidated.headers['content-type']).toBeUndefined();
  });

  it('the app answers If-None-Match itself, even when the request says Cache-Control: no-cache', async () => {
    // no-cache is addressed to caches on the way; the origin still evaluates the condition (RFC 9110 §13.1.2).
    // Express's own freshness check in res.send would answer 200 here: the 304 must come from the app.
    const { call } = await start();
    const first = await call('/products/9', { headers: { 'Accept-Encoding': 'gzip' } });
    const revalidated = await call('/products/9', {
      headers: { 'If-None-Match': String(first.headers.etag), 'Cache-Control': 'no-cache' },
    });
    expect(revalidated.status).toBe(304);
  });

  it('does not advertise the framework (no X-Powered-By)', async () => {
    const { call } = await start();
    expect((await call('/products/1')).headers['x-powered-by']).toBeUndefined();
    expect((await call('/nowhere')).headers['x-powered-by']).toBeUndefined();
  });
});

describe('catalog API: server-side failures', () => {
  it.each([
    ['a plain error', new Error('connection refused to 10.0.0.5')],
    ['an error with a 2xx status', Object.assign(new Error('odd'), { status: 200 })],
    ['an error with a 5xx status', Object.assign(new Error('upstream'), { status: 503 })],
    ['an error with a numeric-string status', Object.assign(new Error('odd'), { status: '450' })],
  ])('%s from the database → 500 "internal error", logged, its message not shown', async (_case, error) => {
    const { call, errors } = await start({ pool: failingPool(error) });
    for (const path of ['/products', '/products/1']) {
      const response = await call(path);
      expect(response.status).toBe(500);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json()).toEqual(
        problem(500, 'Internal Server Error', 'internal_error', 'internal error'),
      );
    }
    expect(errors).toEqual([error, error]);
  });

  it('a 4xx error without a message → "bad request" with the generic code', async () => {
    const error = Object.assign(new Error(''), { status: 409 });
    const { call, errors } = await start({ pool: failingPool(error) });
    const response = await call('/products/1');
    expect(response.json()).toEqual(problem(409, 'Conflict', 'bad_request', 'bad request'));
    expect(errors).toEqual([]);
  });

  it('a null cached for the product list is a bug reported as such, not a crash elsewhere', async () => {
    const store = memoryStore<CachedResponse>();
    await store.set('products', null, 60_000);
    const { call, errors } = await start({ store });
    expect((await call('/products')).status).toBe(500);
    expect(errors).toHaveLength(1);
    expect((errors[0] as Error).message).toBe('the product list is never null');
  });

  describe('without onError', () => {
    let written: string[] = [];
    afterEach(() => {
      vi.restoreAllMocks();
    });
    /** Captures the catalogue's lines on stderr, letting everything else through. */
    function captureStderr() {
      const original = process.stderr.write.bind(process.stderr);
      vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
        if (typeof chunk === 'string' && chunk.startsWith('catalog: ')) written.push(chunk);
        else original(chunk);
        return true;
      });
    }

    it('the error stack goes to stderr, prefixed "catalog: "', async () => {
      const error = new Error('db down');
      const catalog = createCatalogApp({ pool: failingPool(error), store: memoryStore<CachedResponse>() });
      const server = await listen(catalog.app);
      servers.push(server);
      written = [];
      captureStderr();
      expect((await rawRequest(`${server.url}/products/1`)).status).toBe(500);
      expect(written).toEqual([`catalog: ${error.stack}\n`]);
    });

    it('a thrown non-Error (no stack) is written as its string', async () => {
      const catalog = createCatalogApp({
        pool: failingPool(Object.assign(Object.create(null) as object, { toString: () => 'plain failure' })),
        store: memoryStore<CachedResponse>(),
      });
      const server = await listen(catalog.app);
      servers.push(server);
      written = [];
      captureStderr();
      expect((await rawRequest(`${server.url}/products/1`)).status).toBe(500);
      expect(written).toEqual(['catalog: plain failure\n']);
    });
  });
});
