/** The health router, the metrics middleware and the labels, each on a small app of its own. */
import { listen } from '@lab/common/http';
import express, { type Request } from 'express';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import {
  healthRouter,
  httpMetrics,
  LATENCY_BUCKETS,
  metricsHandler,
  parseExposition,
  Readiness,
  Registry,
  requestIdOf,
  requestLog,
  routeLabel,
  samplesOf,
  UNMATCHED,
} from '../src/index.ts';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});
async function serve(app: express.Express) {
  const server = await listen(app);
  closers.push(() => server.close());
  return async (path: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${server.url}${path}`, { headers });
    return { status: res.status, headers: res.headers, text: await res.text() };
  };
}

describe('healthRouter', () => {
  it('reports uptime in whole seconds from when it was given, uncached', async () => {
    const app = express();
    app.use(healthRouter(new Readiness({ checks: [] }), { startedAt: Date.now() - 5_400 }));
    const live = await (await serve(app))('/health/live');
    expect(JSON.parse(live.text)).toEqual({ status: 'alive', uptimeSeconds: 5 });
    expect(live.headers.get('cache-control')).toBe('no-store');
  });

  it('names every failing check in the detail, and none of the passing ones', async () => {
    const app = express();
    const readiness = new Readiness({
      cacheMs: 0,
      checks: [
        { name: 'postgres', run: async () => {} },
        { name: 'redis', run: async () => Promise.reject(new Error('connection is reconnecting')) },
        { name: 'search', run: async () => Promise.reject(new Error('index missing')) },
      ],
    });
    app.use(healthRouter(readiness));
    const ready = await (await serve(app))('/health/ready');
    expect(ready.status).toBe(503);
    expect(JSON.parse(ready.text)).toMatchObject({
      code: 'dependency_unavailable',
      detail: 'not ready: redis failed (connection is reconnecting); search failed (index missing)',
      checks: { postgres: { status: 'ok' } },
    });
    expect(ready.headers.get('cache-control')).toBe('no-store');
    expect(ready.headers.get('retry-after')).toBe('5');
  });

  it('says it is shutting down once drained', async () => {
    const app = express();
    const readiness = new Readiness({ checks: [] });
    readiness.drain();
    app.use(healthRouter(readiness));
    const body = JSON.parse((await (await serve(app))('/health/ready')).text);
    expect(body).toMatchObject({ code: 'draining', detail: 'shutting down: not taking new traffic' });
  });
});

describe('httpMetrics', () => {
  it('uses the documented buckets and help texts', async () => {
    expect(LATENCY_BUCKETS).toEqual([0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5]);
    const registry = new Registry();
    httpMetrics({ registry });
    const text = await registry.metrics();
    expect(text).toContain(
      '# HELP http_requests_total HTTP requests answered, by method, route template and status code.',
    );
    expect(text).toContain('http_request_duration_seconds');
  });

  it('never counts the scrape itself, however often it is scraped, and times in seconds', async () => {
    const registry = new Registry();
    const app = express();
    app.use(httpMetrics({ registry }).middleware);
    app.get('/metrics', metricsHandler(registry));
    app.get('/x', (_req, res) => {
      res.json({});
    });
    const get = await serve(app);
    await get('/x');
    await get('/metrics');
    const samples = parseExposition((await get('/metrics')).text);
    expect(samplesOf(samples, 'http_requests_total').map((s) => s.labels.route)).toEqual(['/x']);
    const seconds = samplesOf(samples, 'http_request_duration_seconds_sum')[0]?.value ?? -1;
    expect(seconds).toBeGreaterThan(0);
    // Seconds, not nanoseconds: one local request is well under a minute.
    expect(seconds).toBeLessThan(60);
  });
});

describe('routeLabel on app-level routes', () => {
  it('labels the root, a regex route, and an unmatched request', async () => {
    const labels: string[] = [];
    const app = express();
    app.use((req: Request, res, next) => {
      res.once('finish', () => labels.push(routeLabel(req)));
      next();
    });
    app.get('/', (_req, res) => {
      res.json({});
    });
    app.get(/^\/re\/\d+$/, (_req, res) => {
      res.json({});
    });
    const get = await serve(app);
    await get('/');
    await get('/re/42');
    await get('/elsewhere');
    expect(labels).toEqual(['/', '/^\\/re\\/\\d+$/', UNMATCHED]);
    expect(UNMATCHED).toBe('<unmatched>');
  });
});

describe('requestLog', () => {
  it('gives handlers the id it echoes, and logs a 5xx at error', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const app = express();
    app.use(requestLog(pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) })));
    app.get('/id', (req, res) => {
      res.json({ seen: requestIdOf(req) });
    });
    app.get('/fail', (_req, res) => {
      res.status(503).json({});
    });
    const get = await serve(app);
    expect(JSON.parse((await get('/id', { 'x-request-id': 'abc-1' })).text)).toEqual({ seen: 'abc-1' });
    await get('/fail', { 'x-request-id': 'abc-2' });
    expect(lines.map((l) => [l.level, l.msg, l.requestId, l.status])).toEqual([
      [30, 'request', 'abc-1', 200],
      [50, 'request failed', 'abc-2', 503],
    ]);
  });
});
