import { availableParallelism } from 'node:os';
import {
  bars,
  check,
  code,
  formatDuration,
  formatNumber,
  kv,
  lessonCheck,
  listen,
  measureLoopDelay,
  runDemo,
  say,
  table,
} from '@lab/common';
import {
  cheapWhileCpu,
  connectionBudget,
  createApp,
  createCpuPool,
  createDb,
  gunicornWorkers,
  type HttpAnswer,
  httpGet,
  readServerLimits,
  startCluster,
  throughput,
} from './src/index.ts';

const BENCH = 'pnpm bench api-concurrency';
const APP_NAME = { applicationName: 'lab32-demo' };

const showProblem = (answer: HttpAnswer) => {
  const headers = ['content-type', 'retry-after']
    .filter((h) => answer.headers[h] !== undefined)
    .map((h) => `${h}: ${answer.headers[h]}`);
  code([`HTTP ${answer.status}`, ...headers, JSON.stringify(answer.json, null, 2)].join('\n'));
};

async function eventLoopSection(): Promise<void> {
  // cores - 1 threads: the last core stays with the event loop (on 2 cores, one thread).
  const cpu = createCpuPool({ threads: Math.max(1, availableParallelism() - 1), maxQueue: 16 });
  await cpu.warm();
  const api = createApp({ cpu });
  const server = await listen(api.app);
  const rows = [];
  const during: Record<string, number> = {};
  const stall: Record<string, number> = {};
  try {
    for (const mode of ['inline', 'pooled'] as const) {
      api.activity.reset();
      const { result, delay } = await measureLoopDelay(() =>
        cheapWhileCpu({
          baseUrl: server.url,
          cpuPath: `/primes/${mode}?limit=1000000`,
          cpuRequests: 2,
          gapMs: 2,
        }),
      );
      during[mode] = api.activity.snapshot().cheapServedDuringCpu;
      stall[mode] = delay.max;
      rows.push({
        mode,
        'primes found': (result.cpuAnswers[0]?.json as { primes?: number } | undefined)?.primes,
        'pings answered during CPU work': during[mode],
        'longest event-loop stall': formatDuration(delay.max),
      });
    }
  } finally {
    await server.close();
    await cpu.close();
  }
  table(rows);
  check(
    during.inline === 0,
    'inline: not one ping answered while the loop computed — same answers either way',
  );
  const inline = stall.inline ?? 0;
  const pooled = stall.pooled ?? 0;
  lessonCheck(
    (during.pooled ?? 0) > 0 && pooled < inline,
    'in a piscina thread the loop keeps answering pings and stalls less',
    `${during.pooled} pings answered, stall ${formatNumber(inline / Math.max(pooled, 0.001))}× shorter than inline`,
    BENCH,
  );
}

async function exhaustedPoolSection(): Promise<void> {
  const small = await createDb({ max: 1, connectionTimeoutMillis: 200 }, APP_NAME);
  const server = await listen(createApp({ db: small }).app);
  try {
    const acquired = new Promise((resolve) => small.pool.once('acquire', resolve));
    const holder = httpGet(`${server.url}/db/sleep?ms=700`);
    await acquired;
    showProblem(await httpGet(`${server.url}/db/sleep?ms=0`));
    say(`the request holding the connection: HTTP ${(await holder).status}`);
  } finally {
    await server.close();
    await small.pool.end();
  }
}

async function deadlinesSection(): Promise<void> {
  const strict = await createDb({ max: 2, statementTimeoutMs: 300, queryTimeoutMs: 1_000 });
  const silent = await listen(() => {}); // an upstream that accepts the request and never answers
  const server = await listen(createApp({ db: strict, upstream: { url: silent.url, timeoutMs: 200 } }).app);
  try {
    const outcomes = [];
    for (const path of ['/db/sleep?ms=5000', '/upstream']) {
      const answer = await httpGet(`${server.url}${path}`);
      const body = answer.json as { code: string; detail: string };
      outcomes.push({ request: `GET ${path}`, status: answer.status, code: body.code, detail: body.detail });
    }
    table(outcomes);
  } finally {
    await server.close();
    await silent.close();
    await strict.pool.end();
  }
}

async function clusterSection(): Promise<void> {
  const cluster = await startCluster({ workers: 2 });
  kv({
    'primary pid': String(process.pid),
    'worker pids': cluster.pids.join(', '),
    'shared port': String(cluster.port),
  });
  const answeredBy = [];
  try {
    for (let i = 1; i <= 6; i++) {
      const answer = await httpGet(`${cluster.url}/ping`, { fresh: true });
      answeredBy.push({
        'request (new connection)': i,
        'answered by pid': String((answer.json as { pid: number }).pid),
      });
    }
  } finally {
    const exits = await cluster.stop();
    table(answeredBy);
    check(
      exits.every((e) => e.graceful && e.code === 0),
      `stopped: ${exits.map((e) => `pid ${e.pid} exited ${e.code}${e.graceful ? '' : ' (killed)'}`).join(', ')}`,
    );
  }
}

/** Requests per second through the API with a pool of `max`, 40 clients each waiting on pg_sleep(0.01). */
async function ratePerPool(max: number): Promise<number> {
  const db = await createDb({ max, connectionTimeoutMillis: 10_000 }, APP_NAME);
  const server = await listen(createApp({ db }).app);
  try {
    // Open every connection first: connecting is not what this compares.
    await Promise.all(Array.from({ length: max }, () => db.query('SELECT 1')));
    return await throughput(`${server.url}/db/sleep?ms=10`, 40, 400);
  } finally {
    await server.close();
    await db.pool.end();
  }
}

async function poolSizingSection(): Promise<void> {
  const measured = [];
  for (const max of [1, 5, 20]) measured.push({ label: `pool max ${max}`, value: await ratePerPool(max) });
  bars(measured, ' req/s');
  const [one = 0, five = 0, twenty = 0] = measured.map((m) => m.value);
  const fiveVsOne = five / Math.max(one, 1);
  const twentyVsFive = twenty / Math.max(five, 1);
  say(
    `5 vs 1: ${formatNumber(fiveVsOne)}× · 20 vs 5: ${formatNumber(twentyVsFive)}× (for 4× the connections)`,
  );
  lessonCheck(
    fiveVsOne > 2,
    'while queries only wait, 5 connections serve more than twice what 1 does',
    `5 vs 1: ${formatNumber(fiveVsOne)}×`,
    BENCH,
  );
  if (twentyVsFive < 3)
    say(
      'Four times the connections did not give four times the rate: the database only sleeps, so the rest of\n' +
        'the cap is this one Node process, serving the API and generating the load on the same cores.',
    );
}

async function connectionBudgetSection(): Promise<void> {
  const probe = await createDb({ max: 1 }, APP_NAME);
  const limits = await readServerLimits(probe.pool).finally(() => probe.pool.end());
  const workers = gunicornWorkers(2);
  const budget = connectionBudget({ ...limits, processes: workers, poolMax: 20, others: limits.inUse });
  kv({
    'this server': `max_connections ${limits.maxConnections}, ${limits.reserved} reserved, ${limits.inUse} in use now`,
    "the seed's config on 2 cores": `${workers} workers (2 × cores + 1) × pool max 20 = ${budget.demanded} connections`,
    'available to the app': budget.available,
  });
  check(
    budget.fits,
    budget.fits
      ? 'fits, for now'
      : `does not fit: pools larger than ${budget.largestPoolThatFits} per process would see "too many clients" (53300)`,
  );
}

await runDemo({
  title: 'Concurrency in a production API',
  subtitle:
    'Part 4, Q2 — one event loop per process: offload CPU, bound every pool, put a deadline on every call',
  sections: [
    {
      id: 'event-loop',
      title: 'One event loop: CPU work inline blocks everyone, in a piscina thread it does not',
      why:
        'Two requests each count the primes below 1,000,000 while a client asks GET /ping every 2 ms;\n' +
        'the server counts the pings it answered while a CPU request was in progress.',
      run: eventLoopSection,
    },
    {
      id: 'exhausted-pool',
      title: 'An exhausted pg.Pool answers 503 + Retry-After, not a hang and not a 500',
      why:
        'Pool max 1, connectionTimeoutMillis 200. One request holds the only connection with pg_sleep(0.7);\n' +
        'the next waits 200 ms for a connection, then is turned away with a JSON body it can act on.',
      run: exhaustedPoolSection,
    },
    {
      id: 'deadlines',
      title: 'A deadline on every outbound call',
      why: 'statement_timeout makes PostgreSQL cancel the query; AbortSignal.timeout ends a fetch that never answers.',
      run: deadlinesSection,
    },
    {
      id: 'cluster',
      title: 'node:cluster: two worker processes share one port',
      why:
        'The primary holds the listening socket; on Linux it accepts each connection and hands it to the next\n' +
        'worker in turn (round-robin). It is only in the accept path: requests and responses never pass through it.',
      run: clusterSection,
    },
    {
      id: 'pool-sizing',
      title: 'Pool sizing: more connections help while queries wait',
      why: 'Each request runs SELECT pg_sleep(0.01); 40 concurrent clients; 0.4 s per pool size.',
      run: poolSizingSection,
    },
    {
      id: 'budget',
      title: 'Connections multiply per process: the server’s budget',
      why: 'Every process has its own pool: processes × pool max must fit under max_connections, with room to spare.',
      run: connectionBudgetSection,
    },
  ],
});
