import { availableParallelism } from 'node:os';
import {
  bars,
  check,
  code,
  formatDuration,
  formatNumber,
  heading,
  kv,
  listen,
  measureLoopDelay,
  note,
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

const showProblem = (answer: HttpAnswer) => {
  const headers = ['content-type', 'retry-after']
    .filter((h) => answer.headers[h] !== undefined)
    .map((h) => `${h}: ${answer.headers[h]}`);
  code([`HTTP ${answer.status}`, ...headers, JSON.stringify(answer.json, null, 2)].join('\n'));
};

await runDemo(
  'Concurrency in a production API',
  'Part 4, Q2 — one event loop per process: offload CPU, bound every pool, put a deadline on every call',
  async () => {
    heading('1. One event loop: CPU work inline blocks everyone, in a piscina thread it does not');
    note(
      'Two requests each count the primes below 1,000,000 while a client asks GET /ping every 2 ms.\n' +
        'The server counts the pings it answered while a CPU request was in progress.',
    );
    // cores - 1 threads: the last core stays with the event loop (on 2 cores, one thread).
    const cpu = createCpuPool({ threads: Math.max(1, availableParallelism() - 1), maxQueue: 16 });
    await cpu.warm();
    const api = createApp({ cpu });
    const server = await listen(api.app);
    const rows = [];
    const during: Record<string, number> = {};
    const stall: Record<string, number> = {};
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
      const counts = api.activity.snapshot();
      during[mode] = counts.cheapServedDuringCpu;
      stall[mode] = delay.max;
      rows.push({
        mode,
        'primes found': (result.cpuAnswers[0]?.json as { primes?: number } | undefined)?.primes,
        'pings answered during CPU work': counts.cheapServedDuringCpu,
        'longest event-loop stall': formatDuration(delay.max),
      });
    }
    await server.close();
    await cpu.close();
    table(rows);
    check(
      during.inline === 0 && (during.pooled ?? 0) > 0,
      `inline: ${during.inline} pings answered while computing, pooled: ${during.pooled}; the loop stalled ` +
        `${formatNumber((stall.inline ?? 0) / (stall.pooled ?? 1))}× longer inline — same answers either way`,
    );

    heading('2. An exhausted pg.Pool answers 503 + Retry-After, not a hang and not a 500');
    note(
      'Pool max 1, connectionTimeoutMillis 200. One request holds the only connection with pg_sleep(0.7);\n' +
        'the next waits 200 ms for a connection, then is turned away with a JSON body it can act on.',
    );
    const small = await createDb({ max: 1, connectionTimeoutMillis: 200 }, { applicationName: 'lab32-demo' });
    const dbServer = await listen(createApp({ db: small }).app);
    const acquired = new Promise((resolve) => small.pool.once('acquire', resolve));
    const holder = httpGet(`${dbServer.url}/db/sleep?ms=700`);
    await acquired;
    showProblem(await httpGet(`${dbServer.url}/db/sleep?ms=0`));
    say(`the request holding the connection: HTTP ${(await holder).status}`);
    await dbServer.close();
    await small.pool.end();

    heading('3. A deadline on every outbound call');
    note(
      'statement_timeout makes PostgreSQL cancel the query; AbortSignal.timeout ends a fetch that never answers.',
    );
    const strict = await createDb({ max: 2, statementTimeoutMs: 300, queryTimeoutMs: 1_000 });
    const silent = await listen(() => {}); // an upstream that accepts the request and never answers
    const deadlines = await listen(
      createApp({ db: strict, upstream: { url: silent.url, timeoutMs: 200 } }).app,
    );
    const outcomes = [];
    for (const path of ['/db/sleep?ms=5000', '/upstream']) {
      const answer = await httpGet(`${deadlines.url}${path}`);
      const body = answer.json as { code: string; detail: string };
      outcomes.push({ request: `GET ${path}`, status: answer.status, code: body.code, detail: body.detail });
    }
    table(outcomes);
    await deadlines.close();
    await silent.close();
    await strict.pool.end();

    heading('4. node:cluster: two worker processes share one port');
    note(
      'The primary forks two workers and both listen on one port, whose socket the primary holds. On Linux\n' +
        'the primary accepts each connection and hands it to the next worker in turn (round-robin).',
    );
    const cluster = await startCluster({ workers: 2 });
    kv({
      'primary pid': String(process.pid),
      'worker pids': cluster.pids.join(', '),
      'shared port': String(cluster.port),
    });
    const answeredBy = [];
    for (let i = 1; i <= 6; i++) {
      const answer = await httpGet(`${cluster.url}/ping`, { fresh: true });
      answeredBy.push({
        'request (new connection)': i,
        'answered by pid': String((answer.json as { pid: number }).pid),
      });
    }
    table(answeredBy);
    const exits = await cluster.stop();
    check(
      exits.every((e) => e.graceful && e.code === 0),
      `stopped: ${exits.map((e) => `pid ${e.pid} exited ${e.code}${e.graceful ? '' : ' (killed)'}`).join(', ')}`,
    );

    heading('5. Pool sizing: more connections help while queries wait, and they multiply per process');
    note('Each request runs SELECT pg_sleep(0.01); 40 concurrent clients; 0.4 s per pool size.');
    const measured = [];
    for (const max of [1, 5, 20]) {
      const db = await createDb({ max, connectionTimeoutMillis: 10_000 }, { applicationName: 'lab32-demo' });
      const sized = await listen(createApp({ db }).app);
      await Promise.all(Array.from({ length: max }, () => db.query('SELECT 1')));
      const perSecond = await throughput(`${sized.url}/db/sleep?ms=10`, 40, 400);
      measured.push({ label: `pool max ${max}`, value: perSecond });
      await sized.close();
      await db.pool.end();
    }
    bars(measured, ' req/s');
    const [one, five, twenty] = measured.map((m) => m.value);
    const fiveVsOne = (five ?? 0) / (one ?? 1);
    const twentyVsFive = (twenty ?? 0) / (five ?? 1);
    say(
      `5 vs 1: ${formatNumber(fiveVsOne)}× · 20 vs 5: ${formatNumber(twentyVsFive)}× (for 4× the connections)`,
    );
    if (twentyVsFive < 3)
      note(
        'Four times the connections did not give four times the rate: the database only sleeps, so the rest of\n' +
          'the cap is this one Node process, serving the API and generating the load on the same cores.',
      );
    const probe = await createDb({ max: 1 }, { applicationName: 'lab32-demo' });
    const limits = await readServerLimits(probe.pool);
    await probe.pool.end();
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
  },
);
