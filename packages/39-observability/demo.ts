import { once } from 'node:events';
import { check, code, formatBytes, note, queryStats, resetSchema, runDemo, say, table } from '@lab/common';
import { FlakyLink } from '@lab/common/flaky-link';
import { type Listening, listen } from '@lab/common/http';
import { redis as connectRedis, postgres } from '@lab/common/services';
import { Redis } from 'ioredis';
import type pg from 'pg';
import pino from 'pino';
import {
  createObservedApp,
  migrate,
  type ObservedAppOptions,
  parseExposition,
  rawPathLabel,
  samplesOf,
  seriesCount,
} from './src/index.ts';

const SCHEMA = 'demo_observability';

let database: Promise<pg.Pool> | undefined;
function appDatabase(): Promise<pg.Pool> {
  database ??= (async () => {
    const pool = await postgres({ schema: SCHEMA, max: 5 });
    await resetSchema(pool, SCHEMA);
    await migrate(pool);
    return pool;
  })();
  return database;
}

/**
 * The machine's Redis, or — without one — a client aimed at a port nothing listens on, so the app still
 * runs and readiness reports Redis as down (which is the truth).
 */
async function redisClient(): Promise<Redis> {
  const result = await connectRedis();
  if (result.ok) return result.client;
  note(`no Redis (${result.reason}): readiness will report it failed; to see it pass, ${result.howToGet}.`);
  const dead = new Redis({ host: '127.0.0.1', port: 9, lazyConnect: true, retryStrategy: () => 1000 });
  dead.on('error', () => {});
  dead.connect().catch(() => {});
  return dead;
}

interface Served {
  server: Listening;
  get(
    path: string,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: string; headers: Headers }>;
  scrape(): Promise<ReturnType<typeof parseExposition>>;
}

async function withApp(
  options: Partial<ObservedAppOptions>,
  fn: (served: Served, app: ReturnType<typeof createObservedApp>) => Promise<void>,
): Promise<void> {
  const pool = options.pool ?? (await appDatabase());
  const redis = options.redis ?? (await redisClient());
  const app = createObservedApp({ pool, redis, ...options });
  const server = await listen(app.app);
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${server.url}${path}`, { headers });
    return { status: res.status, body: await res.text(), headers: res.headers };
  };
  try {
    await fn({ server, get, scrape: async () => parseExposition((await get('/metrics')).body) }, app);
  } finally {
    await server.close();
    await redis.del('obs:user:1', 'obs:user:2').catch(() => 0);
  }
}

async function probesSection(): Promise<void> {
  await withApp({}, async ({ get }) => {
    for (const path of ['/health/live', '/health/ready']) {
      const res = await get(path);
      say(`GET ${path} → ${res.status}`);
      code(JSON.stringify(JSON.parse(res.body), null, 2));
    }
  });
}

async function redisDownSection(): Promise<void> {
  const admin = await connectRedis();
  if (!admin.ok) {
    note(`skipped: cutting Redis off needs Redis (${admin.reason}); ${admin.howToGet}.`);
    return;
  }
  const real = admin.client;
  const link = await new FlakyLink(real.options.host ?? '127.0.0.1', real.options.port ?? 6379).start();
  const redis = new Redis({
    host: '127.0.0.1',
    port: link.port,
    db: real.options.db ?? 0,
    lazyConnect: true,
  });
  redis.on('error', () => {});
  await redis.connect();
  try {
    await withApp({ redis, readinessCacheMs: 0 }, async ({ get }) => {
      const rows: Array<Record<string, string | number>> = [];
      const show = async (when: string) => {
        const ready = await get('/health/ready');
        const live = await get('/health/live');
        const user = await get('/users/1');
        const detail = ready.status === 200 ? 'ready' : (JSON.parse(ready.body) as { detail: string }).detail;
        rows.push({
          when,
          '/health/ready': `${ready.status} ${detail}`,
          '/health/live': live.status,
          '/users/1': user.status,
        });
      };
      await show('Redis up');
      const closed = once(redis, 'close');
      link.drop();
      await closed;
      await show('link cut');
      const back = once(redis, 'ready');
      link.restore();
      await back;
      await show('link back');
      table(rows);
    });
    say('Liveness never moved: restarting the process would not have brought Redis back.');
    say(
      '/users/1 kept answering from PostgreSQL: the cache is an optimisation, so its outage is not an error.',
    );
  } finally {
    redis.disconnect();
    await link.close();
  }
}

async function probeStormSection(): Promise<void> {
  const pool = await appDatabase();
  const stats = queryStats(pool);
  const rows: Array<{ 'report cache': string; probes: number; 'SELECT 1 sent': number }> = [];
  for (const cacheMs of [0, 1000]) {
    await withApp({ pool, readinessCacheMs: cacheMs }, async ({ get }) => {
      stats.reset();
      // Two waves of 100 concurrent probes, as a fleet of load-balancer nodes would send.
      for (let wave = 0; wave < 2; wave++)
        await Promise.all(Array.from({ length: 100 }, () => get('/health/ready')));
      const selects = stats.texts.filter((t) => t.startsWith('SELECT 1')).length;
      rows.push({
        'report cache': cacheMs === 0 ? 'none (single-flight only)' : `${cacheMs} ms`,
        probes: 200,
        'SELECT 1 sent': selects,
      });
    });
  }
  table(rows);
  const [none, cached] = rows.map((r) => r['SELECT 1 sent']);
  check(
    (cached ?? Infinity) <= (none ?? 0),
    `concurrent probes share one run; a cached report spares even the next wave (${none} vs ${cached} queries for 200 probes)`,
  );
}

async function metricsSection(): Promise<void> {
  await withApp({}, async ({ get, scrape }) => {
    for (const path of [
      '/users/1',
      '/users/1',
      '/users/2',
      '/users/404',
      '/users/1/orders',
      '/users/1/orders/10',
      '/nope',
    ])
      await get(path);
    const lines = (await get('/metrics')).body
      .split('\n')
      .filter((l) => l.startsWith('http_requests_total{') || l.startsWith('cache_lookups_total{'));
    code(lines.join('\n'));
    const samples = await scrape();
    say(
      `The scrape holds ${samples.length} samples; ${samplesOf(samples, 'http_request_duration_seconds_bucket').length} of them are latency buckets.`,
    );
  });
}

async function cardinalitySection(): Promise<void> {
  const rows: Array<Record<string, string | number>> = [];
  for (const [name, label] of [
    ['route template', undefined],
    ['raw path', rawPathLabel],
  ] as const) {
    await withApp({ label, processMetrics: false }, async ({ get }) => {
      for (let i = 0; i < 500; i++) await get(`/users/${1000 + i}`);
      const text = (await get('/metrics')).body;
      const samples = parseExposition(text);
      rows.push({
        label: name,
        requests: 500,
        'http_requests_total series': seriesCount(samples, 'http_requests_total'),
        'samples in the scrape': samples.length,
        'scrape size': formatBytes(Buffer.byteLength(text)),
      });
    });
  }
  table(rows);
  say(
    'Every series is kept in the app, sent on every scrape, and stored by Prometheus: ids in labels never stop growing.',
  );
}

async function poolSection(): Promise<void> {
  const pool = await postgres({ schema: SCHEMA, max: 3 });
  try {
    await withApp({ pool }, async ({ scrape }) => {
      const held = await Promise.all([pool.connect(), pool.connect(), pool.connect()]);
      // Two more callers queue for a connection: what a pool too small for the load looks like.
      const waiting = [pool.connect(), pool.connect()];
      const gauges = samplesOf(await scrape(), 'db_pool_connections');
      table(gauges.map((s) => ({ state: s.labels.state ?? '', connections: s.value })));
      for (const client of held) client.release();
      for (const client of await Promise.all(waiting)) client.release();
      say(
        'waiting > 0 on a dashboard is the first sign the pool (or a slow query holding it) limits the API.',
      );
    });
  } finally {
    await pool.end();
  }
}

async function logsSection(): Promise<void> {
  const lines: string[] = [];
  const logger = pino(
    { level: 'info', base: undefined, timestamp: false },
    { write: (line: string) => lines.push(line.trim()) },
  );
  await withApp({ logger }, async ({ get }) => {
    const mine = await get('/users/1', { 'x-request-id': 'support-ticket-4711' });
    await get('/users/1', { 'x-request-id': 'bad id with spaces' });
    await get('/users/abc');
    say(`response header x-request-id: ${mine.headers.get('x-request-id')}`);
  });
  code(lines.join('\n'));
  say(
    "A well-formed incoming id is kept (it joins this line to the caller's); anything else is replaced by a UUID.",
  );
}

await runDemo({
  title: 'Health checks and observability',
  subtitle: 'Part 4, Q9 — liveness vs readiness, metrics a scraper can afford, logs a human can join',
  sections: [
    {
      id: 'probes',
      title: 'Liveness and readiness',
      why: 'Live: is the process worth keeping? Ready: should it get traffic now?',
      run: probesSection,
    },
    {
      id: 'redis-down',
      title: 'Redis drops out and comes back',
      why: 'A proxy cuts the connection: readiness says which dependency failed, liveness does not move.',
      run: redisDownSection,
    },
    {
      id: 'probe-storm',
      title: 'A probe storm costs one SELECT 1',
      why: 'Concurrent probes share one run of the checks, and a short-lived report is reused.',
      run: probeStormSection,
    },
    {
      id: 'metrics',
      title: 'What /metrics says after a few requests',
      why: 'Counters and a histogram by method, route template and status.',
      run: metricsSection,
    },
    {
      id: 'cardinality',
      title: 'Cardinality: route template vs raw path',
      why: '500 requests for 500 different users, labelled two ways.',
      run: cardinalitySection,
    },
    {
      id: 'pool',
      title: 'Pool gauges, read at scrape time',
      why: 'Three connections held and two callers waiting on a pool of three.',
      run: poolSection,
    },
    {
      id: 'logs',
      title: 'Request logs with ids',
      why: 'One JSON line per request, carrying the id the response echoes.',
      run: logsSection,
    },
  ],
});
