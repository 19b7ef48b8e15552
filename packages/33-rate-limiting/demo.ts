import { randomBytes } from 'node:crypto';
import {
  check,
  code,
  kv,
  listen,
  loadTest,
  note,
  redisOrSkip,
  runDemo,
  say,
  table,
  withRedisKeys,
} from '@lab/common';
import { deleteKeysWithPrefix, freePort, keysWithPrefix } from '@lab/common/services';
import express from 'express';
import type { Redis } from 'ioredis';
import {
  ALGORITHMS,
  connectLimiterClient,
  type Decision,
  FIXED_WINDOW_LUA,
  fixedWindowMemory,
  fixedWindowRedis,
  gcraMemory,
  manualClock,
  mostAdmittedWithin,
  nonAtomicFixedWindowRedis,
  type RateLimiter,
  rateLimit,
  replay,
  ruler,
  SEED_SLIDING_LOG_BUGGY,
  slidingLogMemory,
  slidingLogRedis,
  strip,
  tokenBucketMemory,
  tokenBucketRedis,
  userOf,
} from './src/index.ts';

const S = 1000;
const POLICY = { limit: 5, windowMs: 10 * S };
const at = (seconds: number, count = 1) => Array<number>(count).fill(Math.round(seconds * S));
const seconds = (ms: number) => `${ms / S}s`;
const LABEL_WIDTH = 24;
/** A fixed instant for the Redis sections: every decision of a burst falls in one window. */
const FROZEN = () => 1_700_000_000_000;
/** This run's Redis keys: a fresh prefix, deleted by each section that wrote under it. */
const PREFIX = `lab:demo:rate-limiting:${randomBytes(4).toString('hex')}:`;

/** A client's day: a burst, some spread-out use, a burst across a window edge, steady polling. */
const TRACE = [
  ...at(0, 3),
  ...at(2, 3),
  ...at(5),
  ...at(9.5, 4),
  ...at(10, 5),
  ...at(13, 2),
  ...at(21, 7),
  ...Array.from({ length: 14 }, (_, i) => 26 * S + i * S),
];

type View = { fromMs: number; toMs: number; stepMs: number };

/** One timeline row: the label, then a character per second (digits admitted, x refused, · nothing sent). */
function printStrip(label: string, trace: number[], allowed: boolean[], view: View): void {
  say(`${label.padEnd(LABEL_WIDTH)}${strip(trace, allowed, view)}`);
}

function printRuler(view: View): void {
  say(`${''.padEnd(LABEL_WIDTH)}${ruler(view, 10 * S, seconds)}`);
}

/** Runs `fn` with a Redis client and its own key prefix (cleaned before and after); without Redis, one line says so. */
async function withRedis(what: string, sub: string, fn: (client: Redis, prefix: string) => Promise<void>) {
  const prefix = `${PREFIX}${sub}`;
  await withRedisKeys(what, prefix, async (client) => {
    if (client) await fn(client, prefix);
  });
}

/** How many of `burst` concurrent requests from one client the limiter admits. */
async function admittedOf(limiter: RateLimiter, burst: number): Promise<number> {
  const decisions = await Promise.all(Array.from({ length: burst }, () => limiter.consume('client')));
  return decisions.filter((d) => d.allowed).length;
}

/** Per algorithm: admitted, and the most admitted in any 1 s and any 10 s — the policy's real meaning. */
function reportMostAdmitted(labels: string[], results: Decision[][]): void {
  const rows = labels.map((label, i) => ({
    algorithm: label,
    admitted: (results[i] ?? []).filter((d) => d.allowed).length,
    'most in any 1 s': mostAdmittedWithin(TRACE, results[i] ?? [], S),
    'most in any 10 s': mostAdmittedWithin(TRACE, results[i] ?? [], POLICY.windowMs),
  }));
  table(rows);
  const within = rows.filter((r) => r['most in any 10 s'] <= POLICY.limit).map((r) => r.algorithm);
  const over = rows.filter((r) => r['most in any 10 s'] > POLICY.limit);
  check(within.length > 0, `never more than ${POLICY.limit} in any 10 s on this trace: ${within.join(', ')}`);
  check(
    over.length > 0,
    `more than ${POLICY.limit} in some 10 s: ${over.map((r) => `${r.algorithm} (${r['most in any 10 s']})`).join(', ')}`,
  );
}

async function traceSection(): Promise<void> {
  const view = { fromMs: 0, toMs: 40 * S, stepMs: S };
  const clock = manualClock();
  const limiters: Array<[string, RateLimiter]> = [
    ...ALGORITHMS.map((a): [string, RateLimiter] => [a.label, a.memory(POLICY, { now: clock.now })]),
    ['gcra, burst 1 (leaky)', gcraMemory({ ...POLICY, burst: 1 }, { now: clock.now })],
  ];
  const results = await replay(
    TRACE,
    limiters.map(([, l]) => l),
    clock,
  );
  printRuler(view);
  printStrip(
    'sent',
    TRACE,
    TRACE.map(() => true),
    view,
  );
  limiters.forEach(([label], i) => {
    printStrip(
      label,
      TRACE,
      (results[i] ?? []).map((d) => d.allowed),
      view,
    );
  });
  reportMostAdmitted(
    limiters.map(([label]) => label),
    results,
  );
  note(
    'The buckets allow their burst and keep refilling meanwhile; the fixed window resets at its edges; only\n' +
      'the sliding log guarantees "at most 5 in every 10 s" (the counter estimates it). Pick by what "5 per 10 s"\n' +
      'has to mean for the thing you protect.',
  );
  const bucket = results[3] ?? [];
  const gcraSame = (results[4] ?? []).every(
    (d, i) => d.allowed === bucket[i]?.allowed && d.remaining === bucket[i]?.remaining,
  );
  check(
    gcraSame,
    'GCRA with burst = limit decided exactly as the token bucket did, from one number instead of two',
  );
}

async function edgeSection(): Promise<void> {
  const edge = [...at(9.9, POLICY.limit), ...at(10, POLICY.limit)];
  const clock = manualClock();
  const results = await replay(
    edge,
    ALGORITHMS.map((a) => a.memory(POLICY, { now: clock.now })),
    clock,
  );
  ALGORITHMS.forEach((a, i) => {
    say(
      `${a.label.padEnd(LABEL_WIDTH)}${mostAdmittedWithin(edge, results[i] ?? [], 101)} admitted within 100 ms`,
    );
  });
  const fixedMost = mostAdmittedWithin(edge, results[0] ?? [], 101);
  check(
    fixedMost === 2 * POLICY.limit,
    `fixed window: ${fixedMost} = 2 × limit in 100 ms (end of one window + start of the next)`,
  );
}

async function seedBugSection(): Promise<void> {
  const retrier = [
    ...Array.from({ length: 6 }, (_, k) => k),
    ...Array.from({ length: 59 }, (_, k) => (k + 1) * S),
  ];
  const clock = manualClock();
  const [seed = [], fixed = []] = await replay(
    retrier,
    [SEED_SLIDING_LOG_BUGGY.memory(POLICY, { now: clock.now }), slidingLogMemory(POLICY, { now: clock.now })],
    clock,
  );
  const view = { fromMs: 0, toMs: 60 * S, stepMs: S };
  printRuler(view);
  printStrip(
    "seed's sliding log",
    retrier,
    seed.map((d) => d.allowed),
    view,
  );
  printStrip(
    'fixed sliding log',
    retrier,
    fixed.map((d) => d.allowed),
    view,
  );
  const later = (ds: Decision[]) =>
    ds.filter((d, i) => d.allowed && (retrier[i] ?? 0) >= POLICY.windowMs).length;
  check(
    later(seed) === 0,
    `seed: ${later(seed)} admitted after the first window — locked out for as long as it retries`,
  );
  check(
    later(fixed) > 0,
    `fixed: ${later(fixed)} admitted after the first window — refused requests are not recorded`,
  );
}

async function redisSection(): Promise<void> {
  await withRedis(
    'the Redis stores (the in-process ones above decide the same)',
    'same:',
    async (client, prefix) => {
      code(FIXED_WINDOW_LUA.trim());
      let same = 0;
      for (const a of ALGORITHMS) {
        const clock = manualClock();
        const [memory = [], onRedis = []] = await replay(
          TRACE,
          [
            a.memory(POLICY, { now: clock.now }),
            a.redis(client, POLICY, { now: clock.now, prefix: `${prefix}${a.name}:` }),
          ],
          clock,
        );
        if (JSON.stringify(memory) === JSON.stringify(onRedis)) same++;
      }
      check(
        same === ALGORITHMS.length,
        `the Redis store made the same ${TRACE.length} decisions as the in-process one for ${same} of ${ALGORITHMS.length} algorithms`,
      );
    },
  );
}

const BURST = 50;
const MAX_ATTEMPTS = 5;

/** GET then SET from Node: bursts held at a start gate until one admits more than the limit, or the bound. */
async function raceGetThenSet(
  client: Redis,
  prefix: string,
): Promise<{ admitted: number; attempts: number }> {
  let admitted = 0;
  let attempts = 0;
  while (attempts < MAX_ATTEMPTS && admitted <= POLICY.limit) {
    attempts++;
    const racy = nonAtomicFixedWindowRedis(client, POLICY, {
      now: FROZEN,
      prefix: `${prefix}racy${attempts}:`,
    });
    let open = (): void => {};
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const burst = Array.from({ length: BURST }, async () => {
      await gate;
      return racy.consume('client');
    });
    open();
    admitted = (await Promise.all(burst)).filter((d) => d.allowed).length;
  }
  return { admitted, attempts };
}

async function atomicSection(): Promise<void> {
  await withRedis('the concurrency race on Redis', 'atomic:', async (client, prefix) => {
    const atomic = await admittedOf(
      fixedWindowRedis(client, POLICY, { now: FROZEN, prefix: `${prefix}lua:` }),
      BURST,
    );
    const racy = await raceGetThenSet(client, prefix);
    kv({
      [`${BURST} concurrent, Lua script`]: `${atomic} admitted (limit ${POLICY.limit})`,
      [`${BURST} concurrent, GET then SET`]: `${racy.admitted} admitted (attempt ${racy.attempts} of at most ${MAX_ATTEMPTS})`,
    });
    check(
      atomic === POLICY.limit,
      'the script reads, compares and writes with nothing in between: exactly the limit',
    );
    if (racy.admitted > POLICY.limit)
      say(
        'GET then SET: the burst read the count before its SETs wrote it back, so more got in than the limit.',
      );
    else
      note(
        `GET then SET never exceeded the limit in ${MAX_ATTEMPTS} bursts this run; the race is real but needs the GETs\n` +
          'to arrive before the SETs (see test/redis-store.test.ts).',
      );
    const log = await admittedOf(
      slidingLogRedis(client, POLICY, { now: FROZEN, prefix: `${prefix}log:` }),
      BURST,
    );
    const seedLog = SEED_SLIDING_LOG_BUGGY.redis(client, POLICY, { now: FROZEN, prefix: `${prefix}seed:` });
    const seed = await admittedOf(seedLog, BURST);
    kv({
      [`${BURST} in one ms, unique members`]: `${log} admitted`,
      [`${BURST} in one ms, member = timestamp`]: `${seed} admitted — the seed's ZADD overwrote one entry ${BURST} times`,
    });
  });
}

const SHOWN_HEADERS = [
  'ratelimit-policy',
  'ratelimit',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
  'retry-after',
];

/** An API with a free tier (2 a minute) and a pro tier (100), keyed per user, on Redis or in process. */
function tieredApp(client: Redis | undefined): express.Express {
  const clock = manualClock(1_700_000_003_000);
  const tierLimiter = (name: string, limit: number) =>
    client
      ? tokenBucketRedis(
          client,
          { limit, windowMs: 60 * S },
          { name, now: clock.now, prefix: `${PREFIX}http:` },
        )
      : tokenBucketMemory({ limit, windowMs: 60 * S }, { name, now: clock.now });
  const tiers: Record<string, RateLimiter | undefined> = {
    free: tierLimiter('free', 2),
    pro: tierLimiter('pro', 100),
  };
  const app = express();
  app.use((req, res, next) => {
    const id = req.get('x-user');
    if (id) res.locals.user = { id, tier: id.startsWith('pro-') ? 'pro' : 'free' };
    next();
  });
  app.use(
    rateLimit({
      limiter: (_req, res) => tiers[userOf(res)?.tier ?? 'free'] as RateLimiter,
      key: (req, res) => `user:${userOf(res)?.id ?? req.ip}`,
    }),
  );
  app.get('/orders', (_req, res) => {
    res.json({ orders: [] });
  });
  return app;
}

async function httpSection(): Promise<void> {
  const client = await redisOrSkip('the Redis-backed tiers', 'the same tiers on an in-process store');
  const server = await listen(tieredApp(client));
  try {
    for (const [who, n] of [
      ['ann (free)', 3],
      ['pro-bob (pro)', 1],
    ] as const) {
      const user = who.split(' ')[0] as string;
      let last: Response | undefined;
      for (let i = 0; i < n; i++) last = await fetch(`${server.url}/orders`, { headers: { 'x-user': user } });
      say(`${who}, request ${n} → ${last?.status}`);
      for (const h of SHOWN_HEADERS) if (last?.headers.get(h)) say(`    ${h}: ${last.headers.get(h)}`);
      if (last?.status === 429) say(`    body: ${JSON.stringify(await last.json())}`);
    }
  } finally {
    await server.close();
    if (client) await deleteKeysWithPrefix(client, `${PREFIX}http:`);
  }
  note(
    't and Retry-After are delays (skew-proof); X-RateLimit-Reset is an epoch second (GitHub style): all\n' +
      'three are derived from one decision, rounded once, so they cannot disagree.',
  );
}

async function loadSection(): Promise<void> {
  const client = await redisOrSkip('the Redis-backed limiter under load', 'the in-process fixed window');
  const limit = 100;
  const policy = { limit, windowMs: 60 * S };
  const limiter = client
    ? fixedWindowRedis(client, policy, { now: FROZEN, prefix: `${PREFIX}load:` })
    : fixedWindowMemory(policy, { now: FROZEN });
  const app = express();
  app.use(rateLimit({ limiter }));
  app.get('/', (_req, res) => {
    res.json({ ok: true });
  });
  const server = await listen(app);
  try {
    const result = await loadTest({ url: server.url, connections: 50, amount: 1000 });
    const admitted = result.requests - result.non2xx;
    check(
      admitted === limit && result.errors === 0,
      `autocannon, 1000 requests over 50 connections, limit ${limit}: ${admitted} got 200, ${result.non2xx} got 429`,
    );
  } finally {
    await server.close();
    if (client) await deleteKeysWithPrefix(client, `${PREFIX}load:`);
  }
}

/** Three requests through a limiter whose Redis is a port nothing listens on, under `policy`. */
async function statusesWithDeadRedis(dead: Redis, policy: 'open' | 'closed'): Promise<number[]> {
  const app = express();
  app.use(
    rateLimit({
      limiter: fixedWindowRedis(dead, POLICY),
      onStoreError: policy,
      log: (event) => say(`    log: ${JSON.stringify(event)}`),
    }),
  );
  app.get('/', (_req, res) => {
    res.json({ ok: true });
  });
  const server = await listen(app);
  try {
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await fetch(server.url)).status);
    return statuses;
  } finally {
    await server.close();
  }
}

async function redisDownSection(): Promise<void> {
  const port = await freePort();
  // The client the limiter is meant to run on: a command fails at once while disconnected instead of waiting
  // in a queue, and it keeps reconnecting in the background. Nothing listens there, so it never gets ready.
  const dead = await connectLimiterClient({ host: '127.0.0.1', port }, { readyTimeoutMs: 200 });
  try {
    for (const policy of ['open', 'closed'] as const) {
      const statuses = await statusesWithDeadRedis(dead, policy);
      say(`fail ${policy}: Redis at 127.0.0.1:${port} (nothing listening) → ${statuses.join(', ')}`);
    }
  } finally {
    dead.disconnect();
  }
}

async function memorySection(): Promise<void> {
  await withRedis('MEMORY USAGE', 'mem:', async (client, prefix) => {
    const rows = [];
    for (const [i, a] of ALGORITHMS.entries()) {
      const p = `${prefix}m${i}:`;
      const limiter = a.redis(client, { limit: 100, windowMs: 60 * S }, { now: FROZEN, prefix: p });
      for (const n of a.name === 'sliding-log' ? [10, 100] : [10]) {
        const key = `n${n}`;
        await Promise.all(Array.from({ length: n }, () => limiter.consume(key)));
        const [stored = ''] = await keysWithPrefix(client, `${p}${key}`);
        rows.push({
          algorithm: a.label,
          'requests made': n,
          bytes: Number(await client.memory('USAGE', stored, 'SAMPLES', 0)),
        });
      }
    }
    table(rows);
    const constant = Math.max(...rows.filter((r) => r.algorithm !== 'sliding log').map((r) => r.bytes));
    const fullLog = rows.find((r) => r.algorithm === 'sliding log' && r['requests made'] === 100)?.bytes ?? 0;
    note(
      'Constant-size state for all but the log, which holds one entry per admitted request: at 100 entries\n' +
        `it takes ${(fullLog / constant).toFixed(1)}× the largest constant-size key (bench/redis-memory.bench.ts: 200 clients).`,
    );
  });
}

await runDemo({
  title: 'Rate limiting and throttling',
  subtitle: 'Part 4, Q3 — five algorithms, one Lua script each, honest headers',
  sections: [
    {
      id: 'trace',
      title: 'One request trace, five algorithms (in-process, clock injected)',
      why:
        `Policy: ${POLICY.limit} requests per ${seconds(POLICY.windowMs)}. One character per second: digits = admitted, x = all refused,\n` +
        '· = nothing sent. GCRA is shown twice: burst 5 (the token bucket in one number), burst 1.',
      run: traceSection,
    },
    {
      id: 'edge',
      title: "The fixed window's double burst at a window edge",
      why: '5 requests at 9.9 s and 5 at 10 s: which algorithms let all ten through within 100 ms?',
      run: edgeSection,
    },
    {
      id: 'seed-bug',
      title: "The seed's sliding window locks out a client that keeps retrying",
      why:
        'It records the request in the sorted set BEFORE comparing with the limit, so refused retries fill the window.\n' +
        'A client bursts 6, then retries once a second (more often than 5 per 10 s): seed vs fixed, over 60 s.',
      run: seedBugSection,
    },
    {
      id: 'redis',
      title: 'On Redis: one Lua script per decision, sent as EVALSHA',
      why:
        'The fixed window, whole. The clock is an argument (see README: why not Redis TIME); the TTL is garbage\n' +
        'collection only — decisions never depend on Redis expiring a key.',
      run: redisSection,
    },
    {
      id: 'atomic',
      title: 'Concurrent requests: read-decide-write in one script vs GET then SET',
      why: `${BURST} requests of one client at the same instant, limit ${POLICY.limit}; then the same burst in one millisecond through two sliding logs.`,
      run: atomicSection,
    },
    {
      id: 'http',
      title: 'Over HTTP: keys, tiers, and headers that agree with each other',
      why: 'Per user (anonymous → per IP), a limit per tier; 429 with Retry-After; the IETF fields and the X- trio.',
      run: httpSection,
    },
    {
      id: 'load',
      title: 'End to end: 1000 requests over 50 connections, one bucket',
      why: 'Real sockets, one client address, one limiter: exactly the limit gets 200, the rest 429.',
      run: loadSection,
    },
    {
      id: 'redis-down',
      title: 'When Redis is down: a stated policy, logged once, never a 500',
      why: 'The same limiter against a port nothing listens on: fail open admits, fail closed answers 503.',
      run: redisDownSection,
    },
    {
      id: 'memory',
      title: 'What one limited client costs in Redis (MEMORY USAGE)',
      why: 'Bytes per client key for each algorithm, after 10 requests (and 100 for the log).',
      run: memorySection,
    },
  ],
});
