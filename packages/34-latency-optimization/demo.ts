import {
  bars,
  check,
  code,
  formatBytes,
  formatDuration,
  formatNumber,
  heading,
  kv,
  listen,
  medianTimePerCallAsync,
  note,
  postgres,
  queryStats,
  redisOrSkip,
  resetSchema,
  runDemo,
  say,
  summarize,
  table,
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

const times = (slow: number, fast: number) => `${formatNumber(slow / fast)}×`;

async function deleteDemoKeys(redis: Redis): Promise<void> {
  for await (const keys of redis.scanStream({ match: `${REDIS_PREFIX}*`, count: 500 }) as AsyncIterable<
    string[]
  >)
    if (keys.length > 0) await redis.del(...keys);
}

function lruSection(): void {
  heading('1. An in-process TTL + LRU cache (Map-based, injected clock)');
  note('Bounded twice: by size (least recently used goes first) and by age (a deadline per entry).');
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

async function stampedeSection(redis: Redis | undefined): Promise<void> {
  heading('2. Cache stampede: 100 concurrent misses on one cold key');
  note('A popular key expires; every request in flight misses at once and all of them hit the database.');
  const slowOrigin = (counter: { calls: number }) => async () => {
    counter.calls++;
    await new Promise((resolve) => setTimeout(resolve, 20));
    return 'page';
  };
  const rows: Array<Record<string, string | number>> = [];
  for (const singleFlight of [false, true]) {
    const counter = { calls: 0 };
    const cache = new CacheAside({
      store: memoryStore<string>(),
      ttlMs: 60_000,
      singleFlight,
      load: slowOrigin(counter),
    });
    await Promise.all(Array.from({ length: 100 }, () => cache.get('hot')));
    rows.push({
      protection: singleFlight ? 'single-flight (in-flight promise map)' : 'none',
      'origin calls': counter.calls,
    });
  }
  if (redis) {
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
    rows.push({
      protection: '2 instances (separate single-flight maps) × 50 + Redis lock',
      'origin calls': counter.calls,
    });
  }
  table(rows);
  check(rows[1]?.['origin calls'] === 1, 'single-flight: 100 concurrent misses → exactly 1 origin call');
}

async function cacheAsideSection(pool: pg.Pool, redis: Redis | undefined): Promise<void> {
  heading('3. Cache-aside: miss → load → store with TTL; invalidate on write');
  note(`The origin is the "${PAGE} users with their orders" query; the cache holds its result.`);
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

  heading('3b. What a hit saves: in-process hit vs Redis hit vs database');
  const page = await loadWithJoin(pool, PAGE);
  const local = memoryStore<UserWithOrders[]>();
  await local.set('p', page, 60_000);
  const measured = [
    {
      label: 'miss: PostgreSQL query',
      value: await medianTimePerCallAsync(() => loadWithJoin(pool, PAGE), { rounds: 30 }),
    },
    ...(redis
      ? [
          {
            label: 'hit: Redis GET + JSON.parse',
            value: await medianTimePerCallAsync(() => store.get('users:page:1'), { rounds: 50 }),
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
    say(`${row.label}: ${times(db, row.value)} faster than the query (median)`);
  say(`payload: ${formatBytes(Buffer.byteLength(JSON.stringify(page)))} of JSON for ${PAGE} users`);
}

async function httpSection(pool: pg.Pool, redis: Redis | undefined): Promise<void> {
  heading('4. HTTP caching: ETag + If-None-Match → 304, Cache-Control');
  note('The client keeps the body and asks "still this version?"; a match costs headers only.');
  await createProducts(pool, 200);
  const store: CacheStore<CachedResponse> = redis
    ? redisStore(redis, { prefix: `${REDIS_PREFIX}http:` })
    : memoryStore<CachedResponse>();
  const catalog = createCatalogApp({ pool, store });
  const server = await listen(catalog.app);
  try {
    const stats = queryStats(pool);
    const call = async (label: string, path: string, options: Parameters<typeof rawRequest>[1] = {}) => {
      stats.reset();
      const r = await rawRequest(server.url + path, options);
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

    heading('5. Compression: the same JSON list on the wire');
    note('Negotiated from Accept-Encoding; the ETag is weak (W/) because it covers every encoding.');
    const sizes: Array<{ label: string; value: number }> = [];
    for (const accept of ['identity', 'gzip', 'gzip, deflate, br']) {
      const r = await rawRequest(`${server.url}/products`, { headers: { 'Accept-Encoding': accept } });
      const sent = String(r.headers['content-encoding'] ?? 'identity');
      sizes.push({ label: `Accept-Encoding: ${accept} → ${sent}`, value: r.body.length });
    }
    bars(sizes, formatBytes);
    const plain = sizes[0]?.value ?? 1;
    for (const s of sizes.slice(1)) say(`${s.label}: ${formatNumber(100 * (1 - s.value / plain))}% smaller`);
    const body = (await rawRequest(`${server.url}/products`)).body;
    const timed = await interleaved(
      { q6: () => compress(body, 'br'), q11: () => compress(body, 'br', { brotliQuality: 11 }) },
      { rounds: 3, warmupRounds: 1 },
    );
    const q6 = summarize(timed.q6 ?? []).median;
    const q11 = summarize(timed.q11 ?? []).median;
    const q11Size = (await compress(body, 'br', { brotliQuality: 11 })).length;
    say(
      `brotli quality 11 (zlib's default): ${formatBytes(q11Size)} in ${formatDuration(q11)}; quality 6: ${formatDuration(q6)} (${times(q11, q6)} the time per response)`,
    );
  } finally {
    await server.close();
  }
}

async function nPlusOneSection(pool: pg.Pool): Promise<void> {
  heading(`6. N+1: ${PAGE} users with their orders, loaded four ways (and two more)`);
  note('Same result every time; what differs is how many round trips it takes to build it.');
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
  const rows = Object.keys(strategies).map((name) => ({
    strategy: name,
    queries: queries[name],
    'median time': formatDuration(medians[name] ?? 0),
    'vs N+1': times(slowest, medians[name] ?? 1),
  }));
  const identical = results.size === 1;
  table(rows);
  check(identical, 'all strategies returned identical users and orders');
}

async function batcherSection(pool: pg.Pool): Promise<void> {
  heading('7. A DataLoader-style batcher: per-item code, one query per tick');
  note(
    'Each resolver calls load(userId); the batcher collects the keys of one tick into one = ANY($1) query.',
  );
  const keys = Array.from({ length: PAGE }, (_, i) => i + 1);
  const rows: Array<Record<string, string | number>> = [];
  const stats = queryStats(pool);
  // Resolvers that await a different number of settled promises before they call load().
  const resolvers = (load: (id: number) => Promise<unknown>) =>
    Promise.all(
      keys.map(async (id) => {
        for (let i = 0; i < id % 5; i++) await Promise.resolve();
        return load(id);
      }),
    );
  for (const [name, loader] of [
    ['Batcher (ours), nextTick', new Batcher((ids: readonly number[]) => ordersOfUsers(pool, ids))],
    [
      'Batcher, one microtask',
      new Batcher((ids: readonly number[]) => ordersOfUsers(pool, ids), { schedule: 'microtask' }),
    ],
    ['dataloader package', new DataLoader((ids: readonly number[]) => ordersOfUsers(pool, ids))],
  ] as const) {
    stats.reset();
    await resolvers((id) => loader.load(id));
    rows.push({ loader: name, 'load() calls': keys.length, queries: stats.count });
  }
  table(rows);
  note('A batch sent one microtask later misses the loads that come after deeper await chains.');
}

async function indexSection(pool: pg.Pool): Promise<void> {
  heading('8. The index: EXPLAIN ANALYZE of the query N+1 repeats');
  note('PostgreSQL indexes primary and unique keys, never a foreign key: orders.user_id has no index yet.');
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
  table([
    {
      plan: 'before',
      scan: before.scan,
      'rows read and thrown away': before.rowsRemovedByFilter,
      'execution time': formatDuration(before.executionMs),
    },
    {
      plan: 'after',
      scan: after.scan,
      'rows read and thrown away': after.rowsRemovedByFilter,
      'execution time': formatDuration(after.executionMs),
    },
  ]);
  say(`server-side execution: ${times(before.executionMs, after.executionMs)} faster with the index`);
}

await runDemo(
  'API latency: caching layers and N+1 queries',
  'Part 4, Q4 — in-process and Redis caches, stampedes, HTTP validators, compression, N+1 and indexes',
  async () => {
    const pool = await postgres({ schema: SCHEMA, max: 10 });
    await resetSchema(pool, SCHEMA);
    // 5,000 users × 10 orders: the first 100 users are the page, the rest make the table worth indexing.
    await createUsersAndOrders(pool, { users: 5_000, ordersPerUser: 10 });

    const redis = await redisOrSkip('the Redis cache-aside, its TTL and the cross-process lock');
    lruSection();
    if (redis) await deleteDemoKeys(redis);
    try {
      await stampedeSection(redis);
      await cacheAsideSection(pool, redis);
      await httpSection(pool, redis);
    } finally {
      if (redis) await deleteDemoKeys(redis);
    }
    await nPlusOneSection(pool);
    await batcherSection(pool);
    await indexSection(pool);
  },
);
