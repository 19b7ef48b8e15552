import { problemBody, sendProblem } from '@lab/common/problem';
import express, { type NextFunction, type Request, type Response } from 'express';
import type pg from 'pg';
import { CacheAside } from './cache-aside.ts';
import type { CacheStore } from './cache-store.ts';
import { compress, type Encoding, MIN_COMPRESS_BYTES, negotiateEncoding } from './compression.ts';
import { entityTag, ifNoneMatchMatches } from './http-validators.ts';
import { getProduct, listProducts, updateProductPrice } from './products.ts';
import { TtlLruCache } from './ttl-lru-cache.ts';

/**
 * What the response cache holds: the serialized body and its tag, so a hit costs neither a query, nor
 * JSON.stringify, nor a hash. `null` is a cached "no such product".
 */
export type CachedResponse = SerializedBody | null;

export interface SerializedBody {
  body: string;
  etag: string;
}

export interface CatalogAppOptions {
  pool: pg.Pool;
  /** In-process (`memoryStore()`) or shared (`redisStore(client, …)`). */
  store: CacheStore<CachedResponse>;
  ttlMs?: number;
  /** Time to live of a cached 404: short, so that a product created meanwhile shows up soon. */
  notFoundTtlMs?: number;
  /** Products in `GET /products`. */
  pageSize?: number;
  /** Where unexpected (5xx) errors and cache-store failures go; a client only sees a problem body saying "internal error". */
  onError?: (error: unknown) => void;
}

export interface CatalogApp {
  app: express.Express;
  cache: CacheAside<CachedResponse>;
  /** Compressed bodies made so far, by encoding (a repeat of the same body and encoding is served from memory). */
  compressions: Record<Exclude<Encoding, 'identity'>, number>;
}

const LIST_KEY = 'products';
const productKey = (id: number) => `product:${id}`;
// The list changes rarely and is the same for everyone: let browsers and CDNs reuse it for a minute.
const LIST_CACHE_CONTROL = 'public, max-age=60';
// A product's price changes: clients may store it but must revalidate (cheap with the ETag) before use.
const DETAIL_CACHE_CONTROL = 'no-cache';

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function parseId(raw: string | string[] | undefined): number {
  const id = typeof raw === 'string' && /^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(id) || id > 2_147_483_647)
    throw new HttpError(400, `product id must be a positive integer, got ${JSON.stringify(raw)}`);
  return id;
}

function parsePrice(body: unknown): number {
  const price = (body as { priceCents?: unknown } | undefined)?.priceCents;
  if (typeof price !== 'number' || !Number.isSafeInteger(price) || price < 0 || price > 2_147_483_647)
    throw new HttpError(400, 'body must be JSON like {"priceCents": 1999} (an integer ≥ 0)');
  return price;
}

const serialize = (value: unknown): SerializedBody => {
  const body = JSON.stringify(value);
  // Weak: the same tag covers the identity, gzip and brotli bytes of this body.
  return { body, etag: entityTag(body, { weak: true }) };
};

/**
 * A small catalogue API with every HTTP-level latency tool in one place: a response cache (cache-aside,
 * invalidated on write), `ETag` + `If-None-Match` → 304, `Cache-Control`, and negotiated compression.
 */
export function createCatalogApp({
  pool,
  store,
  ttlMs = 30_000,
  notFoundTtlMs = 5_000,
  pageSize = 200,
  onError = (error) => process.stderr.write(`catalog: ${(error as Error).stack ?? String(error)}\n`),
}: CatalogAppOptions): CatalogApp {
  const cache = new CacheAside<CachedResponse>({
    store,
    ttlMs: (cached) => (cached === null ? notFoundTtlMs : ttlMs),
    onStoreError: onError,
    load: async (key) => {
      if (key === LIST_KEY) return serialize(await listProducts(pool, pageSize));
      const product = await getProduct(pool, Number(key.slice('product:'.length)));
      return product ? serialize(product) : null;
    },
  });
  // Keyed by tag + encoding: a new body has a new tag, so stale compressed bytes are never served.
  const compressed = new TtlLruCache<string, Buffer>({ maxEntries: 64, ttlMs });
  const compressions = { br: 0, gzip: 0 };

  async function send(req: Request, res: Response, cached: SerializedBody, cacheControl: string) {
    res.set({ ETag: cached.etag, 'Cache-Control': cacheControl, Vary: 'Accept-Encoding' });
    if (ifNoneMatchMatches(req.get('If-None-Match'), cached.etag)) {
      res.status(304).end();
      return;
    }
    res.type('application/json');
    const encoding = negotiateEncoding(req.get('Accept-Encoding'));
    if (encoding === 'identity' || Buffer.byteLength(cached.body) < MIN_COMPRESS_BYTES) {
      res.send(cached.body);
      return;
    }
    const key = `${cached.etag}:${encoding}`;
    let bytes = compressed.get(key);
    if (!bytes) {
      bytes = await compress(cached.body, encoding);
      compressed.set(key, bytes);
      compressions[encoding]++;
    }
    res.set('Content-Encoding', encoding).send(bytes);
  }

  const app = express();
  // Express hashes any body sent without an ETag: product answers carry ours (from the cache, computed once
  // per version), and the rest (errors, writes) should carry none, rather than one nothing invalidates.
  app.set('etag', false);
  app.set('x-powered-by', false);
  // JSON is UTF-8 (RFC 8259 §8.1): body-parser would otherwise decode a body labelled UTF-16 or UTF-7.
  app.use((req, _res, next) => {
    const charset = /;\s*charset\s*=\s*"?([^";\s]*)/i.exec(req.get('content-type') ?? '')?.[1]?.toLowerCase();
    if (charset === undefined || charset === 'utf-8') next();
    else next(new HttpError(415, `send the JSON body as UTF-8, not charset=${charset}`));
  });
  app.use(express.json({ limit: '10kb' }));

  app.get('/products', async (req, res) => {
    const cached = await cache.get(LIST_KEY);
    if (!cached) throw new Error('the product list is never null');
    await send(req, res, cached, LIST_CACHE_CONTROL);
  });

  app.get('/products/:id', async (req, res) => {
    const id = parseId(req.params.id);
    const cached = await cache.get(productKey(id));
    if (!cached) throw new HttpError(404, `no product ${id}`);
    await send(req, res, cached, DETAIL_CACHE_CONTROL);
  });

  app.put('/products/:id', async (req, res) => {
    const id = parseId(req.params.id);
    const price = parsePrice(req.body);
    const product = await updateProductPrice(pool, id, price);
    if (!product) throw new HttpError(404, `no product ${id}`);
    // After the commit, never before: a read between a delete and the write would re-cache the old row.
    await Promise.all([cache.invalidate(productKey(id)), cache.invalidate(LIST_KEY)]);
    const fresh = serialize(product);
    res.set({ ETag: fresh.etag, 'Cache-Control': 'no-store' }).type('application/json').send(fresh.body);
  });

  app.use((_req, _res, next) => next(new HttpError(404, 'no such route')));
  app.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    // Once the status line is out, a problem body cannot follow: Express's own handler closes the socket.
    if (res.headersSent) return next(error);
    const status = errorStatus(error);
    if (status === 500) onError(error);
    const detail = status === 500 ? 'internal error' : (error as Error).message || 'bad request';
    // The repo's one error body (`@lab/common/problem`): a human `detail` and a stable machine `code`.
    sendProblem(res, problemBody(status, ERROR_CODES[status] ?? 'bad_request', detail));
  });

  return { app, cache, compressions };
}

const ERROR_CODES: Record<number, string> = {
  400: 'bad_request',
  404: 'not_found',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  500: 'internal_error',
};

function errorStatus(error: unknown): number {
  if (error instanceof HttpError) return error.status;
  // body-parser's errors (malformed JSON, body too large) carry their 4xx status.
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : 500;
}
