import { randomBytes } from 'node:crypto';
import {
  check,
  code,
  heading,
  kv,
  listen,
  loadTest,
  note,
  redisOrSkip,
  runDemo,
  say,
  table,
} from '@lab/common';
import { deleteKeysWithPrefix, freePort, keysWithPrefix } from '@lab/common/services';
import express from 'express';
import { Redis } from 'ioredis';
import {
  ALGORITHMS,
  type Decision,
  FIXED_WINDOW_LUA,
  fixedWindowRedis,
  gcraMemory,
  LIMITER_CLIENT_OPTIONS,
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

const seconds = (ms: number) => `${ms / S}s`;

await runDemo(
  'Rate limiting and throttling',
  'Part 4, Q3 — five algorithms, one Lua script each, honest headers',
  async () => {
    const view = { fromMs: 0, toMs: 40 * S, stepMs: S };

    heading('1. One request trace, five algorithms (in-process, clock injected)');
    note(
      `Policy: ${POLICY.limit} requests per ${seconds(POLICY.windowMs)}. One character per second: digits = admitted,`,
    );
    note(
      'x = all refused, · = nothing sent. GCRA is shown twice: burst 5 (the token bucket in one number), burst 1.',
    );
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
    const width = 24;
    say(`${''.padEnd(width)}${ruler(view, 10 * S, seconds)}`);
    say(
      `${'sent'.padEnd(width)}${strip(
        TRACE,
        TRACE.map(() => true),
        view,
      )}`,
    );
    limiters.forEach(([label], i) => {
      const decisions = results[i] ?? [];
      say(
        `${label.padEnd(width)}${strip(
          TRACE,
          decisions.map((d) => d.allowed),
          view,
        )}`,
      );
    });
    const rows = limiters.map(([label], i) => {
      const decisions = results[i] ?? [];
      return {
        algorithm: label,
        admitted: decisions.filter((d) => d.allowed).length,
        'most in any 1 s': mostAdmittedWithin(TRACE, decisions, S),
        'most in any 10 s': mostAdmittedWithin(TRACE, decisions, POLICY.windowMs),
      };
    });
    table(rows);
    const within = rows.filter((r) => r['most in any 10 s'] <= POLICY.limit).map((r) => r.algorithm);
    const over = rows
      .filter((r) => r['most in any 10 s'] > POLICY.limit)
      .map((r) => `${r.algorithm} (${r['most in any 10 s']})`);
    check(
      within.length > 0,
      `never more than ${POLICY.limit} in any 10 s on this trace: ${within.join(', ')}`,
    );
    check(over.length > 0, `more than ${POLICY.limit} in some 10 s: ${over.join(', ')}`);
    note('The buckets allow their burst and keep refilling meanwhile; the fixed window resets at its edges;');
    note(
      'only the sliding log guarantees "at most 5 in every 10 s" (the counter estimates it). Pick by what',
    );
    note('"5 per 10 s" has to mean for the thing you protect.');
    const bucket = results[3] ?? [];
    const gcraSame = (results[4] ?? []).every(
      (d, i) => d.allowed === bucket[i]?.allowed && d.remaining === bucket[i]?.remaining,
    );
    check(
      gcraSame,
      'GCRA with burst = limit decided exactly as the token bucket did, from one number instead of two',
    );

    heading("2. The fixed window's double burst at a window edge");
    const edge = [...at(9.9, POLICY.limit), ...at(10, POLICY.limit)];
    const edgeClock = manualClock();
    const edgeResults = await replay(
      edge,
      ALGORITHMS.map((a) => a.memory(POLICY, { now: edgeClock.now })),
      edgeClock,
    );
    ALGORITHMS.forEach((a, i) => {
      const most = mostAdmittedWithin(edge, edgeResults[i] ?? [], 101);
      say(`${a.label.padEnd(width)}${most} admitted within 100 ms`);
    });
    const fixedMost = mostAdmittedWithin(edge, edgeResults[0] ?? [], 101);
    check(
      fixedMost === 2 * POLICY.limit,
      `fixed window: ${fixedMost} = 2 × limit in 100 ms (end of one window + start of the next)`,
    );

    heading("3. The seed's sliding window locks out a client that keeps retrying");
    note(
      'It adds the request to the sorted set BEFORE comparing with the limit, so refused retries fill the window.',
    );
    note(
      'A client bursts 6, then retries once a second (more often than 5 per 10 s): seed vs fixed, over 60 s.',
    );
    const retrier = [
      ...Array.from({ length: 6 }, (_, k) => k),
      ...Array.from({ length: 59 }, (_, k) => (k + 1) * S),
    ];
    const retryClock = manualClock();
    const [seed = [], fixed = []] = await replay(
      retrier,
      [
        SEED_SLIDING_LOG_BUGGY.memory(POLICY, { now: retryClock.now }),
        slidingLogMemory(POLICY, { now: retryClock.now }),
      ],
      retryClock,
    );
    const retryView = { fromMs: 0, toMs: 60 * S, stepMs: S };
    say(`${''.padEnd(width)}${ruler(retryView, 10 * S, seconds)}`);
    say(
      `${"seed's sliding log".padEnd(width)}${strip(
        retrier,
        seed.map((d) => d.allowed),
        retryView,
      )}`,
    );
    say(
      `${'fixed sliding log'.padEnd(width)}${strip(
        retrier,
        fixed.map((d) => d.allowed),
        retryView,
      )}`,
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

    heading('4. On Redis: one atomic Lua script per decision, sent as EVALSHA');
    const client = await redisOrSkip('sections 4 and 7 (section 5 then uses the in-process store)');
    const prefix = `lab:demo:rate-limiting:${randomBytes(4).toString('hex')}:`;
    try {
      if (client) {
        note(
          'The fixed window, whole. The window number is in the key; the clock is an argument (see README: why',
        );
        note(
          'not Redis TIME); the TTL is garbage collection only — decisions never depend on Redis expiring a key.',
        );
        code(FIXED_WINDOW_LUA.trim());
        let same = 0;
        for (const a of ALGORITHMS) {
          const c = manualClock();
          const [memory = [], onRedis = []] = await replay(
            TRACE,
            [
              a.memory(POLICY, { now: c.now }),
              a.redis(client, POLICY, { now: c.now, prefix: `${prefix}${a.name}:` }),
            ],
            c,
          );
          if (JSON.stringify(memory) === JSON.stringify(onRedis)) same++;
        }
        check(
          same === ALGORITHMS.length,
          `the Redis store made the same ${TRACE.length} decisions as the in-process one for ${same} of ${ALGORITHMS.length} algorithms`,
        );
        const burst = 50;
        const frozen = () => 1_700_000_000_000;
        const atomic = fixedWindowRedis(client, POLICY, { now: frozen, prefix: `${prefix}atomic:` });
        const racy = nonAtomicFixedWindowRedis(client, POLICY, { now: frozen, prefix: `${prefix}racy:` });
        const admittedOf = async (limiter: RateLimiter) =>
          (await Promise.all(Array.from({ length: burst }, () => limiter.consume('client')))).filter(
            (d) => d.allowed,
          ).length;
        const [a, r] = [await admittedOf(atomic), await admittedOf(racy)];
        kv({
          [`${burst} concurrent, Lua script`]: `${a} admitted (limit ${POLICY.limit})`,
          [`${burst} concurrent, GET then SET`]: `${r} admitted — every GET ran before the first SET`,
        });
        const log = slidingLogRedis(client, POLICY, { now: frozen, prefix: `${prefix}samems:` });
        const seedLog = SEED_SLIDING_LOG_BUGGY.redis(client, POLICY, {
          now: frozen,
          prefix: `${prefix}samems-seed:`,
        });
        const [l, s] = [await admittedOf(log), await admittedOf(seedLog)];
        kv({
          [`${burst} in one ms, unique members`]: `${l} admitted`,
          [`${burst} in one ms, member = timestamp`]: `${s} admitted — the seed's ZADD overwrote one entry ${burst} times`,
        });
      }

      heading('5. Over HTTP: keys, tiers, and headers that agree with each other');
      note(
        'Per user (anonymous → per IP), a limit per tier; 429 with Retry-After; the IETF fields and the X- trio.',
      );
      const httpClock = manualClock(1_700_000_003_000);
      const tierLimiter = (name: string, limit: number) =>
        client
          ? tokenBucketRedis(
              client,
              { limit, windowMs: 60 * S },
              { name, now: httpClock.now, prefix: `${prefix}http:` },
            )
          : tokenBucketMemory({ limit, windowMs: 60 * S }, { name, now: httpClock.now });
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
      const server = await listen(app);
      try {
        const show = [
          'ratelimit-policy',
          'ratelimit',
          'x-ratelimit-limit',
          'x-ratelimit-remaining',
          'x-ratelimit-reset',
          'retry-after',
        ];
        for (const [who, n] of [
          ['ann (free)', 3],
          ['pro-bob (pro)', 1],
        ] as const) {
          const user = who.split(' ')[0] as string;
          let last: Response | undefined;
          for (let i = 0; i < n; i++)
            last = await fetch(`${server.url}/orders`, { headers: { 'x-user': user } });
          say(`${who}, request ${n} → ${last?.status}`);
          for (const h of show) if (last?.headers.get(h)) say(`    ${h}: ${last.headers.get(h)}`);
          if (last?.status === 429) say(`    body: ${JSON.stringify(await last.json())}`);
        }
      } finally {
        await server.close();
      }
      note(
        't and Retry-After are delays (skew-proof); X-RateLimit-Reset is an epoch second (GitHub style): all',
      );
      note('three are derived from one decision, rounded once, so they cannot disagree.');

      if (client) {
        // End to end: real sockets, many connections, one client address, one Redis-backed bucket.
        const loadApp = express();
        const limit = 100;
        loadApp.use(
          rateLimit({
            limiter: fixedWindowRedis(
              client,
              { limit, windowMs: 60 * S },
              { now: () => 1_700_000_000_000, prefix: `${prefix}load:` },
            ),
          }),
        );
        loadApp.get('/', (_req, res) => {
          res.json({ ok: true });
        });
        const loadServer = await listen(loadApp);
        try {
          const result = await loadTest({ url: loadServer.url, connections: 50, amount: 1000 });
          const admittedOverHttp = result.requests - result.non2xx;
          check(
            admittedOverHttp === limit && result.errors === 0,
            `autocannon, 1000 requests over 50 connections, limit ${limit}: ${admittedOverHttp} got 200, ${result.non2xx} got 429`,
          );
        } finally {
          await loadServer.close();
        }
      }

      heading('6. When Redis is down: a stated policy, logged once, never a 500');
      const port = await freePort();
      const dead = new Redis({ host: '127.0.0.1', port, ...LIMITER_CLIENT_OPTIONS });
      dead.on('error', () => {});
      try {
        for (const policy of ['open', 'closed'] as const) {
          const deadApp = express();
          deadApp.use(
            rateLimit({
              limiter: fixedWindowRedis(dead, POLICY),
              onStoreError: policy,
              log: (event) => say(`    log: ${JSON.stringify(event)}`),
            }),
          );
          deadApp.get('/', (_req, res) => {
            res.json({ ok: true });
          });
          const deadServer = await listen(deadApp);
          const statuses = [];
          for (let i = 0; i < 3; i++) statuses.push((await fetch(deadServer.url)).status);
          await deadServer.close();
          say(`fail ${policy}: Redis at 127.0.0.1:${port} (nothing listening) → ${statuses.join(', ')}`);
        }
      } finally {
        dead.disconnect();
      }

      heading('7. What one limited client costs in Redis (MEMORY USAGE)');
      if (!client) note('skipped: needs Redis (see above).');
      else {
        const rows = [];
        for (const [i, a] of ALGORITHMS.entries()) {
          const p = `${prefix}m${i}:`;
          const limiter = a.redis(
            client,
            { limit: 100, windowMs: 60 * S },
            { now: () => 1_700_000_000_000, prefix: p },
          );
          for (const [key, n] of [
            ['ten', 10],
            ['hundred', 100],
          ] as const) {
            if (n === 100 && a.name !== 'sliding-log') continue;
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
        const fullLog =
          rows.find((r) => r.algorithm === 'sliding log' && r['requests made'] === 100)?.bytes ?? 0;
        note(
          'Constant-size state for all but the log, which holds one entry per admitted request: at 100 entries',
        );
        note(
          `it takes ${(fullLog / constant).toFixed(1)}× the largest constant-size key (bench/redis-memory.bench.ts: 200 clients).`,
        );
      }
    } finally {
      if (client) await deleteKeysWithPrefix(client, prefix);
    }
  },
);
