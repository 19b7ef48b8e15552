import {
  bars,
  check,
  code,
  formatBytes,
  formatDuration,
  formatNumber,
  kv,
  lessonCheck,
  listen,
  medianTimePerCallAsync,
  note,
  postgres,
  queryStats,
  resetSchema,
  runDemo,
  say,
  summarize,
  table,
  withRedisKeys,
} from '@lab/common';
import { interleaved } from '@lab/common/bench';
import DataLoader from 'dataloader';
import type { Redis } from 'ioredis';
import type pg from 'pg';
import { rawRequest } from './src/_raw-http.ts';
import {
  Batcher,
  CacheAside,
  type CachedResponse,
  type CacheStore,
  compress,
  createCatalogApp,
  createProducts,
  explainOrdersOfUser,
  memoryStore,
  RedisLock,
  redisStore,
  strategies,
  TtlLruCache,
  type UserWithOrders,
} from './src/index.ts';
import { loadWithJoin, ordersOfUsers } from './src/user-orders-loaders.ts';
import { addOrdersUserIndex, createUsersAndOrders, dropOrdersUserIndex } from './src/users-orders-schema.ts';

const SCHEMA = 'lat34_demo';
const REDIS_PREFIX = 'lat34:demo:';
const PAGE = 100;
const BENCH = 'pnpm bench latency-optimization';

const times = (slow: number, fast: number) => `${formatNumber(slow / fast)}×`;

let seeded: Promise<pg.Pool> | undefined;
/** The demo's database, created on first use: 5,000 users × 10 orders (the first 100 users are the page). */
function usersAndOrders(): Promise<pg.Pool> {
  seeded ??= (async () => {
    const pool = await postgres({ schema: SCHEMA, max: 10 });
    await resetSchema(pool, SCHEMA);
    await createUsersAndOrders(pool, { users: 5_000, ordersPerUser: 10 });
    return pool;
  })();
  return seeded;
}

let withProducts: Promise<pg.Pool> | undefined;
/** The same database with a 200-row products table, for the HTTP sections. */
function productsDb(): Promise<pg.Pool> {
  withProducts ??= usersAndOrders().then(async (pool) => {
    await createProducts(pool, 200);
    return pool;
  });
  return withProducts;
}

/** The catalog API on a loopback port, its response cache in Redis when there is one. */
async function withCatalogServer(fn: (url: string, pool: pg.Pool) => Promise<void>): Promise<void> {
  const pool = await productsDb();
  await withRedisKeys('the Redis response cache', `${REDIS_PREFIX}http:`, async (redis) => {
    const store: CacheStore<CachedResponse> = redis
      ? redisStore(redis, { prefix: `${REDIS_PREFIX}http:` })
      : memoryStore<CachedResponse>();
    const server = await listen(createCatalogApp({ pool, store }).app);
    try {
      await fn(server.url, pool);
    } finally {
      await server.close();
    }
  });
}

function lruSection(): void {
  let now = 0;
  const cache = new TtlLruCache<string, string>({ maxEntries: 3, ttlMs: 1_000, now: () => now });
  cache.set('a', 'A').set('b', 'B').set('c', 'C');
  cache.get('a');
  cache.set('d', 'D');
  const evicted = ['a', 'b', 'c', 'd'].filter((key) => !cache.has(key));
  say(
    `set a, b, c · get a · set d  → keys, oldest first: ${cache.keys().join(', ')} · evicted: ${evicted.join(', ')}`,
  );
  const beforeE = cache.keys();
  cache.set('e', 'E', 5_000);
  const gone = beforeE.filter((key) => !cache.keys().includes(key));
  say(`set e with its own TTL of 5 s → keys: ${cache.keys().join(', ')} · evicted: ${gone.join(', ')}`);
  now = 1_000;
  say(
    `clock +1000 ms → get a: ${cache.get('a') ?? 'undefined (expired)'} · get e: ${cache.get('e')} (still alive)`,
  );
  kv({ ...cache.stats });
}

/** An origin that takes 20 ms and counts its calls. */
const slowOrigin = (counter: { calls: number }) => async () => {
  counter.calls++;
  await new Promise((resolve) => setTimeout(resolve, 20));
  return 'page';
};

async function stampedeAcrossInstances(redis: Redis): Promise<number> {
  const counter = { calls: 0 };
  const prefix = `${REDIS_PREFIX}stampede:`;
  const instances = [1, 2].map(
    () =>
      new CacheAside({
        store: redisStore<string>(redis, { prefix }),
        ttlMs: 60_000,
        load: slowOrigin(counter),
        lock: new RedisLock(redis, { prefix: `${prefix}lock:` }),
      }),
  );
  await Promise.all(instances.flatMap((api) => Array.from({ length: 50 }, () => api.get('hot'))));
  return counter.calls;
}

async function stampedeSection(): Promise<void> {
  const rows: Array<Record<string, string | number>> = [];
  for (const singleFlight of [false, true]) {
    const counter = { calls: 0 };
    const store = memoryStore<string>();
    const cache = new CacheAside({ store, ttlMs: 60_000, singleFlight, load: slowOrigin(counter) });
    await Promise.all(Array.from({ length: 100 }, () => cache.get('hot')));
    rows.push({
      protection: singleFlight ? 'single-flight (in-flight promise map)' : 'none',
      'origin calls': counter.calls,
    });
  }
  await withRedisKeys('the cross-process Redis lock', `${REDIS_PREFIX}stampede:`, async (redis) => {
    if (!redis) return;
    rows.push({
      protection: '2 instances (separate single-flight maps) × 50 + Redis lock',
      'origin calls': await stampedeAcrossInstances(redis),
    });
  });
  table(rows);
  check(rows[1]?.['origin calls'] === 1, 'single-flight: 100 concurrent misses → exactly 1 origin call');
}

async function cacheAsideSection(): Promise<void> {
  const pool = await usersAndOrders();
  await withRedisKeys('the Redis cache-aside and its TTL', `${REDIS_PREFIX}aside:`, async (redis) => {
    const store: CacheStore<UserWithOrders[]> = redis
      ? redisStore(redis, { prefix: `${REDIS_PREFIX}aside:` })
      : memoryStore<UserWithOrders[]>();
    const cache = new CacheAside({ store, ttlMs: 30_000, load: () => loadWithJoin(pool, PAGE) });
    const stats = queryStats(pool);
    stats.reset();
    const first = await cache.get('users:page:1');
    const afterMiss = stats.count;
    await cache.get('users:page:1');
    say(
      `${store.kind} store · first read: ${afterMiss} query (miss) · second read: ${stats.count - afterMiss} queries (hit)`,
    );
    if (redis)
      say(
        `Redis TTL left on the key: ${formatDuration(await redis.pttl(`${REDIS_PREFIX}aside:users:page:1`))}`,
      );
    await pool.query('UPDATE orders SET total_cents = total_cents + 100 WHERE id = 1');
    const stale = await cache.get('users:page:1');
    await cache.invalidate('users:page:1');
    const fresh = await cache.get('users:page:1');
    const total = (page: UserWithOrders[]) => page[0]?.orders[0]?.totalCents;
    say(
      `order 1 total: before ${total(first)} · after the write, not invalidated: ${total(stale)} (stale) · after invalidate: ${total(fresh)}`,
    );
    kv({ ...cache.stats });
  });
}

async function hitCostSection(): Promise<void> {
  const pool = await usersAndOrders();
  await withRedisKeys('the Redis hit', `${REDIS_PREFIX}cost:`, async (redis) => {
    const page = await loadWithJoin(pool, PAGE);
    const local = memoryStore<UserWithOrders[]>();
    await local.set('p', page, 60_000);
    const remote = redis
      ? redisStore<UserWithOrders[]>(redis, { prefix: `${REDIS_PREFIX}cost:` })
      : undefined;
    await remote?.set('p', page, 60_000);
    const measured = [
      {
        label: 'miss: PostgreSQL query',
        value: await medianTimePerCallAsync(() => loadWithJoin(pool, PAGE), { rounds: 30 }),
      },
      ...(remote
        ? [
            {
              label: 'hit: Redis GET + JSON.parse',
              value: await medianTimePerCallAsync(() => remote.get('p'), { rounds: 50 }),
            },
          ]
        : []),
      {
        label: 'hit: in-process',
        value: await medianTimePerCallAsync(() => local.get('p'), { rounds: 2_000 }),
      },
    ];
    bars(measured, formatDuration);
    const db = measured[0]?.value ?? 0;
    for (const row of measured.slice(1))
      lessonCheck(
        row.value < db,
        `${row.label} is faster than the query`,
        `${times(db, row.value)} faster, median`,
        BENCH,
      );
    say(`payload: ${formatBytes(Buffer.byteLength(JSON.stringify(page)))} of JSON for ${PAGE} users`);
  });
}

type Row = Record<string, string | number>;

async function etagSection(): Promise<void> {
  await withCatalogServer(async (url, pool) => {
    const stats = queryStats(pool);
    const call = async (label: string, path: string, options: Parameters<typeof rawRequest>[1] = {}) => {
      stats.reset();
      const r = await rawRequest(url + path, options);
      return {
        request: label,
        status: r.status,
        'body bytes': r.body.length,
        ETag: String(r.headers.etag ?? ''),
        'Cache-Control': String(r.headers['cache-control'] ?? ''),
        queries: stats.count,
      };
    };
    const first = await call('GET /products/7', '/products/7');
    const again = await call('GET, If-None-Match: same tag', '/products/7', {
      headers: { 'If-None-Match': first.ETag },
    });
    const write = await call('PUT {"priceCents":4242}', '/products/7', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ priceCents: 4242 }),
    });
    const old = await call('GET, If-None-Match: old tag', '/products/7', {
      headers: { 'If-None-Match': first.ETag },
    });
    table([first, again, write, old]);
    check(
      again.status === 304 && again['body bytes'] === 0,
      'matching ETag → 304 with an empty body, no query',
    );
    check(
      old.status === 200 && old.ETag !== first.ETag,
      'after the write the old tag gets 200 and a new ETag',
    );
  });
}

async function compressionSection(): Promise<void> {
  await withCatalogServer(async (url) => {
    const sizes: Array<{ label: string; value: number }> = [];
    for (const accept of ['identity', 'gzip', 'gzip, deflate, br']) {
      const r = await rawRequest(`${url}/products`, { headers: { 'Accept-Encoding': accept } });
      const sent = String(r.headers['content-encoding'] ?? 'identity');
      sizes.push({ label: `Accept-Encoding: ${accept} → ${sent}`, value: r.body.length });
    }
    bars(sizes, formatBytes);
    const plain = sizes[0]?.value ?? 1;
    for (const s of sizes.slice(1)) say(`${s.label}: ${formatNumber(100 * (1 - s.value / plain))}% smaller`);
    const body = (await rawRequest(`${url}/products`)).body;
    const timed = await interleaved(
      { q6: () => compress(body, 'br'), q11: () => compress(body, 'br', { brotliQuality: 11 }) },
      { rounds: 3, warmupRounds: 1 },
    );
    const q6 = summarize(timed.q6 ?? []).median;
    const q11 = summarize(timed.q11 ?? []).median;
    const q11Size = (await compress(body, 'br', { brotliQuality: 11 })).length;
    say(
      `brotli quality 11 (zlib's default): ${formatBytes(q11Size)} in ${formatDuration(q11)}; quality 6: ${formatDuration(q6)}`,
    );
    lessonCheck(
      q11 > q6,
      'quality 11 costs more CPU per response than the quality 6 we send',
      `q11 took ${times(q11, q6)} the time of q6`,
      BENCH,
    );
  });
}

async function nPlusOneSection(): Promise<void> {
  const pool = await usersAndOrders();
  const stats = queryStats(pool);
  const queries: Record<string, number> = {};
  const results = new Set<string>();
  for (const [name, load] of Object.entries(strategies)) {
    stats.reset();
    results.add(JSON.stringify(await load(pool, PAGE)));
    queries[name] = stats.count;
  }
  // Timed in turns, so that a burst of load on this machine hits every strategy alike.
  const samples = await interleaved(
    Object.fromEntries(Object.entries(strategies).map(([name, load]) => [name, () => load(pool, PAGE)])),
    { rounds: 7, warmupRounds: 1 },
  );
  const medians = Object.fromEntries(Object.entries(samples).map(([name, s]) => [name, summarize(s).median]));
  const slowest = medians['N+1 (sequential)'] ?? 0;
  table(
    Object.keys(strategies).map((name) => ({
      strategy: name,
      queries: queries[name] ?? 0,
      'median time': formatDuration(medians[name] ?? 0),
      'vs N+1': times(slowest, medians[name] ?? 1),
    })),
  );
  check(results.size === 1, 'all strategies returned identical users and orders');
  const fewest = Object.keys(strategies).filter((name) => (queries[name] ?? 0) <= 2);
  const beaten = fewest.filter((name) => (medians[name] ?? Infinity) < slowest);
  lessonCheck(
    beaten.length === fewest.length,
    'every strategy with one or two queries beats sequential N+1',
    `${beaten.length} of ${fewest.length} did`,
    BENCH,
  );
}

async function batcherSection(): Promise<void> {
  const pool = await usersAndOrders();
  const keys = Array.from({ length: PAGE }, (_, i) => i + 1);
  const rows: Row[] = [];
  const stats = queryStats(pool);
  // Resolvers that await a different number of settled promises before they call load().
  const resolvers = (load: (id: number) => Promise<unknown>) =>
    Promise.all(
      keys.map(async (id) => {
        for (let i = 0; i < id % 5; i++) await Promise.resolve();
        return load(id);
      }),
    );
  const batch = (ids: readonly number[]) => ordersOfUsers(pool, ids);
  for (const [name, loader] of [
    ['Batcher (ours), nextTick', new Batcher(batch)],
    ['Batcher, one microtask', new Batcher(batch, { schedule: 'microtask' })],
    ['dataloader package', new DataLoader(batch)],
  ] as const) {
    stats.reset();
    await resolvers((id) => loader.load(id));
    rows.push({ loader: name, 'load() calls': keys.length, queries: stats.count });
  }
  table(rows);
  note('A batch sent one microtask later misses the loads that come after deeper await chains.');
}

async function indexSection(): Promise<void> {
  const pool = await usersAndOrders();
  await dropOrdersUserIndex(pool);
  const before = await explainOrdersOfUser(pool, 42);
  await addOrdersUserIndex(pool);
  const after = await explainOrdersOfUser(pool, 42);
  for (const [label, plan] of [
    ['without an index', before],
    ['CREATE INDEX orders_user_id_idx ON orders (user_id); ANALYZE orders', after],
  ] as const) {
    say(label);
    code(plan.text.filter((line) => !/^\s*(Planning|Execution) Time/.test(line)).join('\n'));
  }
  table(
    [['before', before] as const, ['after', after] as const].map(([plan, p]) => ({
      plan,
      scan: p.scan,
      'rows read and thrown away': p.rowsRemovedByFilter,
      'execution time': formatDuration(p.executionMs),
    })),
  );
  lessonCheck(
    after.executionMs < before.executionMs,
    'the index makes the per-user query faster on the server',
    `${times(before.executionMs, after.executionMs)} faster, one EXPLAIN ANALYZE each`,
    BENCH,
  );
}

await runDemo({
  title: 'API latency: caching layers and N+1 queries',
  subtitle:
    'Part 4, Q4 — in-process and Redis caches, stampedes, HTTP validators, compression, N+1 and indexes',
  sections: [
    {
      id: 'lru',
      title: 'An in-process TTL + LRU cache (Map-based, injected clock)',
      why: 'Bounded twice: by size (least recently used goes first) and by age (a deadline per entry).',
      run: lruSection,
    },
    {
      id: 'stampede',
      title: 'Cache stampede: 100 concurrent misses on one cold key',
      why: 'A popular key expires; every request in flight misses at once and all of them hit the database.',
      run: stampedeSection,
    },
    {
      id: 'cache-aside',
      title: 'Cache-aside: miss → load → store with TTL; invalidate on write',
      why: `The origin is the "${PAGE} users with their orders" query; the cache holds its result.`,
      run: cacheAsideSection,
    },
    {
      id: 'hit-cost',
      title: 'What a hit saves: in-process hit vs Redis hit vs database',
      why: 'A Redis hit still pays a round trip and a JSON.parse; an in-process hit pays neither.',
      run: hitCostSection,
    },
    {
      id: 'etag',
      title: 'HTTP caching: ETag + If-None-Match → 304, Cache-Control',
      why: 'The client keeps the body and asks "still this version?"; a match costs headers only.',
      run: etagSection,
    },
    {
      id: 'compression',
      title: 'Compression: the same JSON list on the wire',
      why: 'Negotiated from Accept-Encoding; the ETag is weak (W/) because it covers every encoding.',
      run: compressionSection,
    },
    {
      id: 'n-plus-one',
      title: `N+1: ${PAGE} users with their orders, loaded four ways (and two more)`,
      why: 'Same result every time; what differs is how many round trips it takes to build it.',
      run: nPlusOneSection,
    },
    {
      id: 'batcher',
      title: 'A DataLoader-style batcher: per-item code, one query per tick',
      why: 'Each resolver calls load(userId); the batcher collects the keys of one tick into one = ANY($1) query.',
      run: batcherSection,
    },
    {
      id: 'index',
      title: 'The index: EXPLAIN ANALYZE of the query N+1 repeats',
      why: 'PostgreSQL indexes primary and unique keys (and exclusion constraints), never a foreign key: orders.user_id has none yet.',
      run: indexSection,
    },
  ],
});
