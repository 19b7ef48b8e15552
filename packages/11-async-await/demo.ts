import { setTimeout as sleep } from 'node:timers/promises';
import { code, formatDuration, formatNumber, kv, lessonCheck, runDemo, say, table } from '@lab/common';
import {
  blockFor,
  type Contender,
  callInsideTry,
  combine,
  createLimiter,
  fetchConcurrent,
  fetchLimited,
  fetchSequential,
  getJson,
  LOOP_PHASES,
  orderAsEntry,
  orderInside,
  type SlowServer,
  startSlowServer,
  TimeoutError,
  unhandledRejectionInChild,
  watchLoop,
  whenBodiesRun,
  withDeadline,
} from './src/index.ts';

/** Fewer and shorter requests than the bench (10 × 200 ms), to keep the tour quick. */
const REQUESTS = 5;
const DELAY_MS = 100;

/** Runs `use` against a fresh slow server, warmed up so fetch's first-call cost is not timed. */
async function withServer(delayMs: number, use: (server: SlowServer) => Promise<void>): Promise<void> {
  const server = await startSlowServer({ delayMs });
  try {
    await getJson(`${server.url}/item/0?delay=0`);
    server.resetStats();
    await use(server);
  } finally {
    await server.close();
  }
}

function phasesSection(): void {
  table(LOOP_PHASES.map((p, i) => ({ '#': i + 1, phase: p.phase, 'runs here': p.runs })));
  say('Between every two callbacks, Node empties the process.nextTick queue, then the promise microtasks.');
}

async function orderSection(): Promise<void> {
  code(
    "setTimeout(() => log('setTimeout 0'), 0);\nsetImmediate(() => log('setImmediate'));\nPromise.resolve().then(() => log('promise'));\nprocess.nextTick(() => log('nextTick'));\nlog('sync');",
  );
  const rows = [
    { 'scheduled from': 'a CommonJS entry (.cjs)', order: await orderAsEntry('commonjs') },
    { 'scheduled from': 'an ES module entry (.mjs)', order: await orderAsEntry('module') },
    { 'scheduled from': 'a timer callback', order: await orderInside('timer-callback') },
    { 'scheduled from': 'an I/O callback (fs.readFile)', order: await orderInside('io-callback') },
  ];
  table(rows.map((r) => ({ ...r, order: r.order.join(' → ') })));
  say(
    'In an I/O callback the check phase is next, so setImmediate always wins; elsewhere, do not rely on it.',
  );
}

async function eagerSection(): Promise<void> {
  for (const line of await whenBodiesRun()) say(line);
  say('Python: calling a coroutine function runs nothing until it is awaited or wrapped in a task.');
}

async function sequentialSection(): Promise<void> {
  await withServer(DELAY_MS, async (server) => {
    const urls = Array.from({ length: REQUESTS }, (_, i) => `${server.url}/item/${i}`);
    const timed = async (run: () => Promise<unknown>) => {
      server.resetStats();
      const start = performance.now();
      await run();
      return { ms: performance.now() - start, most: server.stats.maxInFlight };
    };
    const sequential = await timed(() => fetchSequential(urls));
    const all = await timed(() => fetchConcurrent(urls));
    table([
      {
        code: 'for (…) await get(url)',
        took: formatDuration(sequential.ms),
        'server saw at once': sequential.most,
      },
      {
        code: 'await Promise.all(urls.map(get))',
        took: formatDuration(all.ms),
        'server saw at once': all.most,
      },
    ]);
    lessonCheck(
      all.ms < sequential.ms / 2,
      `Promise.all takes about one request's time, awaiting in a loop about ${REQUESTS}`,
      `${formatDuration(all.ms)} vs ${formatDuration(sequential.ms)}, ${formatNumber(sequential.ms / all.ms)}× faster`,
      'pnpm bench async-await',
    );
  });
}

async function combinatorsSection(): Promise<void> {
  const mixed: Contender[] = [
    { name: 'a', afterMs: 30 },
    { name: 'b', afterMs: 10, fails: true },
    { name: 'c', afterMs: 20 },
  ];
  say('a succeeds after 30 ms, b fails after 10 ms, c succeeds after 20 ms:');
  const rows = [];
  for (const kind of ['all', 'allSettled', 'any', 'race'] as const) {
    const result = await combine(kind, mixed);
    rows.push({
      combinator: `Promise.${kind}`,
      'settles with': result.outcome,
      'settled by then': result.settledBefore.join(' '),
      'settled in the end': result.settledInTheEnd.join(' '),
    });
  }
  table(rows);
  say('None of them cancels the losers: pass an AbortSignal when the others should stop.');
}

async function limitSection(): Promise<void> {
  await withServer(DELAY_MS, async (server) => {
    const urls = Array.from({ length: 6 }, (_, i) => `${server.url}/item/${i}`);
    const limit = createLimiter(2);
    const results = await Promise.all(urls.map((url) => limit(() => getJson(url))));
    kv({
      'requests answered': results.length,
      'limiter: most at once': limit.maxActive,
      'server: most at once': server.stats.maxInFlight,
    });
    server.resetStats();
    const plain = await fetchLimited(urls, 3);
    kv({ 'fetchLimited(urls, 3): answered': plain.length, 'server: most at once': server.stats.maxInFlight });
  });
}

async function deadlineSection(): Promise<void> {
  await withServer(10_000, async (server) => {
    try {
      await withDeadline((signal) => getJson(`${server.url}/item/1`, signal), { timeoutMs: 200 });
    } catch (error) {
      kv({ 'withDeadline(…, 200 ms)': `${(error as Error).name}: ${(error as Error).message}` });
      if (!(error instanceof TimeoutError)) throw error;
    }
    // The server notices the closed socket a moment later.
    for (let i = 0; i < 50 && server.stats.cancelled === 0; i++) await sleep(10);
    kv({ 'server: requests cancelled': server.stats.cancelled, 'server: answered': server.stats.served });
    say('The signal reached fetch, so the socket closed and the server stopped waiting too.');
  });
}

async function loopHealthSection(): Promise<void> {
  const idle = await watchLoop(() => sleep(150));
  const blocked = await watchLoop(() => blockFor(150));
  const row = (what: string, h: typeof idle) => ({
    'for 150 ms': what,
    eventLoopUtilization: formatNumber(h.utilization),
    'delay max': formatDuration(h.delayMaxMs),
    '1 ms ticks that ran': h.ticks,
  });
  table([row('await sleep (I/O wait)', idle), row('sync busy loop', blocked)]);
  lessonCheck(
    blocked.ticks === 0 && blocked.utilization > idle.utilization,
    'sync work runs no other callback and shows as utilisation near 1',
    `utilisation ${formatNumber(blocked.utilization)} vs ${formatNumber(idle.utilization)}, ${blocked.ticks} ticks vs ${idle.ticks}`,
    'pnpm bench async-await',
  );
}

async function pitfallsSection(): Promise<void> {
  const failsLater = async () => {
    await sleep(1);
    throw new Error('disk full');
  };
  const missed = await callInsideTry(failsLater, false);
  const caught = await callInsideTry(failsLater, true);
  kv({
    'try { save() } catch: caught?': missed.caughtByTry,
    'try { await save() } catch: caught?': caught.caughtByTry,
  });
  const crash = await unhandledRejectionInChild(false);
  const kept = await unhandledRejectionInChild(true);
  kv({
    'unhandled rejection: exit code': crash.code,
    'unhandled rejection: stderr': crash.errorLine,
    'with an unhandledRejection listener: exit code': kept.code,
    'with the listener: stdout': kept.stdout.replace('\n', ' | '),
  });
}

await runDemo({
  title: 'async/await and the event loop',
  subtitle: 'Part 2, Q1 — loop phases, print order, Promise.all, limits, deadlines, loop health, pitfalls',
  sections: [
    {
      id: 'phases',
      title: 'The phases of one turn of the loop',
      why: 'One thread runs JavaScript; libuv decides which callback runs next, phase by phase.',
      run: phasesSection,
    },
    {
      id: 'order',
      title: 'Who runs first: nextTick, promise, setImmediate, setTimeout 0',
      why: 'The same five lines, scheduled from four places: the microtasks always go first, the rest depends on the phase.',
      run: orderSection,
    },
    {
      id: 'eager',
      title: 'An async function starts when called, not when awaited',
      why: 'lazy() in src/eager.ts behaves like a Python coroutine, for comparison.',
      run: eagerSection,
    },
    {
      id: 'sequential-vs-all',
      title: `Awaiting in a loop vs Promise.all (${REQUESTS} requests, ${DELAY_MS} ms each)`,
      why: 'A real loopback server answers after a delay and counts how many requests it holds at once.',
      run: sequentialSection,
    },
    {
      id: 'combinators',
      title: 'all, allSettled, any, race',
      why: 'Same three operations, four ways to wait for them.',
      run: combinatorsSection,
    },
    {
      id: 'limit',
      title: 'A concurrency limit that holds',
      why: 'createLimiter(2) counts what runs; the server counts what arrives. Both must say 2.',
      run: limitSection,
    },
    {
      id: 'deadline',
      title: 'Timeouts and cancellation with AbortSignal',
      why: 'withDeadline hands the work a signal; passing it on is what stops the request itself.',
      run: deadlineSection,
    },
    {
      id: 'loop-health',
      title: 'Event-loop delay and utilisation: the production signals',
      why: 'monitorEventLoopDelay and performance.eventLoopUtilization, while waiting and while blocking.',
      run: loopHealthSection,
    },
    {
      id: 'pitfalls',
      title: 'A forgotten await and an unhandled rejection',
      why: 'try/catch only sees what is awaited inside it; an unhandled rejection ends the process (Node 15+).',
      run: pitfallsSection,
    },
  ],
});
