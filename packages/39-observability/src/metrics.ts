/**
 * Prometheus metrics on prom-client, each app on its own Registry: the library's global default registry
 * would be shared by every app (and every test) in the process, and registering a name twice throws.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type pg from 'pg';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { routeLabel } from './route-label.ts';

/** Seconds. Dense below 100 ms, where an API's latency objective lives, sparse above. */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

export interface HttpMetricsOptions {
  registry: Registry;
  /** How a request becomes its `route` label; the template by default. Swap it to see cardinality grow. */
  label?: (req: Request) => string;
  /** Paths never counted (a scraper calling /metrics every 15 s would dominate the request rate). */
  skip?: readonly string[];
}

export interface HttpMetrics {
  middleware: RequestHandler;
  requests: Counter<'method' | 'route' | 'status_code'>;
  duration: Histogram<'method' | 'route' | 'status_code'>;
}

export function httpMetrics({
  registry,
  label = routeLabel,
  skip = ['/metrics'],
}: HttpMetricsOptions): HttpMetrics {
  const labelNames = ['method', 'route', 'status_code'] as const;
  const requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered, by method, route template and status code.',
    labelNames,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from the request reaching the app to the last byte of the response handed to the OS.',
    labelNames,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const skipped = new Set(skip);
  const middleware = (req: Request, res: Response, next: NextFunction): void => {
    if (skipped.has(req.path)) {
      next();
      return;
    }
    const start = process.hrtime.bigint();
    // 'close' as well as 'finish': a client that hangs up mid-response is a request too (status as set).
    let done = false;
    const record = () => {
      if (done) return;
      done = true;
      const labels = { method: req.method, route: label(req), status_code: String(res.statusCode) };
      requests.inc(labels);
      duration.observe(labels, Number(process.hrtime.bigint() - start) / 1e9);
    };
    res.once('finish', record);
    res.once('close', record);
    next();
  };
  return { middleware, requests, duration };
}

/** Process metrics (CPU, memory, event-loop lag, GC, handles) on `registry`, named as Prometheus expects. */
export function processMetrics(registry: Registry): void {
  collectDefaultMetrics({ register: registry });
}

/**
 * The pool's connections by state, read at scrape time (`collect`), so nothing runs between scrapes.
 * `waiting` above zero means requests queue for a connection: the first sign the pool is too small.
 */
export function poolMetrics(registry: Registry, pool: pg.Pool, poolName = 'main'): Gauge<'pool' | 'state'> {
  return new Gauge({
    name: 'db_pool_connections',
    help: 'PostgreSQL pool connections: total open, idle, and requests waiting for one.',
    labelNames: ['pool', 'state'],
    registers: [registry],
    collect() {
      this.set({ pool: poolName, state: 'total' }, pool.totalCount);
      this.set({ pool: poolName, state: 'idle' }, pool.idleCount);
      this.set({ pool: poolName, state: 'waiting' }, pool.waitingCount);
    },
  });
}

export interface CacheMetrics {
  hit(cache: string): void;
  miss(cache: string): void;
}

/** Hits and misses as one counter with a `result` label: the hit ratio is one PromQL division. */
export function cacheMetrics(registry: Registry): CacheMetrics {
  const lookups = new Counter({
    name: 'cache_lookups_total',
    help: 'Cache lookups by cache and result (hit or miss).',
    labelNames: ['cache', 'result'],
    registers: [registry],
  });
  return {
    hit: (cache) => lookups.inc({ cache, result: 'hit' }),
    miss: (cache) => lookups.inc({ cache, result: 'miss' }),
  };
}

/** The `/metrics` handler: the text exposition format a Prometheus server scrapes. */
export function metricsHandler(registry: Registry): RequestHandler {
  return async (_req, res) => {
    res.set('content-type', registry.contentType).send(await registry.metrics());
  };
}

export { Registry };
