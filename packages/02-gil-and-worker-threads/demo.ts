import { availableParallelism } from 'node:os';
import { threadId } from 'node:worker_threads';
import {
  bars,
  check,
  fasterOrSlower,
  formatDuration,
  formatNumber,
  kv,
  lessonCheck,
  measureLoopDelay,
  note,
  runDemo,
  say,
  summarize,
  table,
} from '@lab/common';
import { interleaved } from '@lab/common/bench';
import {
  type CounterRace,
  CpuPool,
  countTicksDuring,
  cpuHeavy,
  cpuHeavyPartitioned,
  forkMap,
  hashBlocking,
  hashOnThreadpool,
  IsolateProbe,
  parallelLimit,
  raceOnSharedCounter,
  runInFreshWorkers,
  runInPool,
  runPromiseAll,
  runSequential,
  runWithThreadpoolSize,
  startCluster,
} from './src/index.ts';
import { raceUntilLost } from './src/race-until-lost.ts';

const CORES = availableParallelism();
const JOB = 50_000_000; // ~85 ms on an idle core
const BENCH = 'pnpm bench gil-and-worker-threads';
/** A time ratio within this factor of 1 is a tie: "faster" must beat it, "no faster" must stay under it. */
const NOISE = 1.15;
/** Section 4's batch: twice the cores, so every thread has queued work. */
const TASKS = CORES * 2;
const RACE = { workers: 2, increments: 2_000_000 } as const;
const MAX_RACE_ATTEMPTS = 8;
const HASH_ITERATIONS = 150_000;

async function timed<T>(work: () => T | Promise<T>): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  const result = await work();
  return { result, ms: performance.now() - start };
}

/** Runs `work` once and reports its result, how long it took, timer ticks during it and the worst loop delay. */
async function observe<T>(work: () => T | Promise<T>) {
  const { result, delay } = await measureLoopDelay(() => timed(() => countTicksDuring(work)));
  return { value: result.result.result, ticks: result.result.ticks, ms: result.ms, worstDelay: delay.max };
}

/**
 * Median time of `reps` calls of each contender, interleaved so a burst of load hits all of them alike,
 * after one warm-up round: otherwise whichever runs first also pays for compiling the job.
 */
async function medianTimes(reps: number, contenders: Array<() => unknown>) {
  const tasks = Object.fromEntries(contenders.map((run, i) => [String(i), run]));
  const samples = await interleaved(tasks, { rounds: reps, warmupRounds: 1 });
  return contenders.map((_, i) => summarize(samples[String(i)] ?? []).median);
}

/**
 * V8 optimises a function after many calls but a long loop at once (on-stack replacement), and on a busy
 * machine its background compiler lags: many small calls first mean every contender times the same code.
 */
function warmUpJob(): void {
  for (let i = 0; i < 2_000; i++) cpuHeavy(10_000);
}

let shared: { pool: CpuPool; met: Promise<number[]> } | undefined;

/**
 * The warm piscina pool for the sections that need one: started by the first of them (whichever runs
 * first, so `--section sweep` works alone) and closed after the tour. Starting threads costs a fraction
 * of a second each time, and only the pool is shared, never a result.
 */
async function warmPool(): Promise<{ pool: CpuPool; threadIds: number[] }> {
  shared ??= (() => {
    const pool = new CpuPool({ threads: CORES });
    return { pool, met: pool.meet() };
  })();
  return { pool: shared.pool, threadIds: await shared.met };
}

async function oneThread(): Promise<void> {
  const blocked = await observe(() => cpuHeavy(JOB));
  kv({
    'cpuHeavy(50M) on the main thread': `checksum ${blocked.value}, took ${formatDuration(blocked.ms)}`,
    'timer ticks (every 2 ms) during it': blocked.ticks,
    'worst event-loop delay': formatDuration(blocked.worstDelay),
  });
  // Not a timing: a synchronous call can never be interrupted by a timer callback, on any machine.
  check(blocked.ticks === 0, 'zero ticks: nothing else ran until the job returned');
}

async function partition(): Promise<void> {
  warmUpJob();
  const [blockingMs = 0, slicedMs = 0] = await medianTimes(3, [
    () => cpuHeavy(JOB),
    () => cpuHeavyPartitioned(JOB),
  ]);
  const blocked = await observe(() => cpuHeavy(JOB));
  const sliced = await observe(() => cpuHeavyPartitioned(JOB));
  table([
    {
      run: 'cpuHeavy (blocking)',
      median: formatDuration(blockingMs),
      ticks: blocked.ticks,
      'worst delay': formatDuration(blocked.worstDelay),
    },
    {
      run: 'cpuHeavyPartitioned',
      median: formatDuration(slicedMs),
      ticks: sliced.ticks,
      'worst delay': formatDuration(sliced.worstDelay),
    },
  ]);
  check(sliced.value === blocked.value, 'same checksum as the blocking run');
  lessonCheck(
    blockingMs / slicedMs < NOISE,
    `partitioning is no faster, still one thread (a gain under ${NOISE}× counts as noise)`,
    `partitioned ${fasterOrSlower(slicedMs, blockingMs)} than blocking, median of 3`,
    BENCH,
  );
  lessonCheck(
    sliced.worstDelay < blocked.worstDelay / 2,
    'but timers get a turn between slices',
    `worst loop delay ${formatDuration(sliced.worstDelay)} vs ${formatDuration(blocked.worstDelay)}`,
    BENCH,
  );
}

async function offload(): Promise<void> {
  const { pool } = await warmPool();
  const blocked = await observe(() => cpuHeavy(JOB));
  const offloaded = await observe(() => pool.run(JOB));
  kv({
    'ran on thread': `${offloaded.value.threadId} (main is ${threadId})`,
    'ticks during it': `${offloaded.ticks} (on the main thread: ${blocked.ticks})`,
    'worst event-loop delay': `${formatDuration(offloaded.worstDelay)} (on the main thread: ${formatDuration(blocked.worstDelay)})`,
  });
  check(offloaded.value.checksum === blocked.value, 'identical checksum to the main-thread run');
  lessonCheck(
    offloaded.worstDelay < blocked.worstDelay / 2,
    'offloading keeps the main event loop responsive',
    `worst loop delay ${formatNumber(blocked.worstDelay / Math.max(offloaded.worstDelay, 0.001))}× lower than blocking`,
    BENCH,
  );
}

async function speedUp(): Promise<void> {
  warmUpJob();
  const { pool, threadIds } = await warmPool();
  const sizes = Array.from({ length: TASKS }, () => 10_000_000);
  const [seqMs = 0, allMs = 0, poolMs = 0] = await medianTimes(3, [
    () => runSequential(sizes),
    () => runPromiseAll(sizes),
    () => runInPool(pool, sizes),
  ]);
  const fresh = await timed(() => runInFreshWorkers(sizes));
  bars(
    [
      { label: 'sequential', value: seqMs },
      { label: 'Promise.all', value: allMs },
      { label: 'piscina (warm pool)', value: poolMs },
      { label: 'fresh Worker per task', value: fresh.ms },
    ],
    (ms) => formatDuration(ms),
  );
  lessonCheck(
    seqMs / allMs < NOISE,
    `Promise.all over CPU work is no faster, one thread (a gain under ${NOISE}× counts as noise)`,
    `Promise.all ${fasterOrSlower(allMs, seqMs)} than sequential, median of 3`,
    BENCH,
  );
  const ceiling = parallelLimit(TASKS);
  if (ceiling > 1)
    lessonCheck(
      seqMs / poolMs >= NOISE,
      `a warm pool runs the tasks in parallel: at least ${NOISE}× faster (ceiling ${ceiling}× on ${CORES} cores)`,
      `piscina ${fasterOrSlower(poolMs, seqMs)} than sequential, median of 3`,
      BENCH,
    );
  else note('One core here: a pool cannot beat the plain loop, it can only keep the main loop free.');
  note(
    `Pool threads met at start-up: ${threadIds.join(', ')}; a fresh worker per task started ${fresh.result.threadIds.length} new ones.`,
  );
}

const SWEEP = [
  { label: '~2 µs', n: 1_000, reps: 40 },
  { label: '~50 µs', n: 30_000, reps: 20 },
  { label: '~2 ms', n: 1_000_000, reps: 5 },
  { label: '~17 ms', n: 10_000_000, reps: 2 },
] as const;

async function sweep(): Promise<void> {
  warmUpJob();
  const { pool } = await warmPool();
  const measured = [];
  for (const { label, n, reps } of SWEEP) {
    const batch = Array.from({ length: TASKS }, () => n);
    const [s = 0, p = 0] = await medianTimes(reps, [
      () => runSequential(batch),
      () => runInPool(pool, batch),
    ]);
    measured.push({ label, s, p });
  }
  table(
    measured.map(({ label, s, p }) => ({
      'per task': label,
      sequential: formatDuration(s),
      piscina: formatDuration(p),
      'piscina vs sequential': fasterOrSlower(p, s),
    })),
  );
  const firstWin = measured.find(({ s, p }) => p < s)?.label;
  say(
    firstWin
      ? `the pool first beats a plain loop at ${firstWin} per task on this run`
      : 'the pool never beat the plain loop on this run',
  );
  const smallest = measured[0];
  const largest = measured[measured.length - 1];
  if (!smallest || !largest || parallelLimit(TASKS) <= 1) return;
  lessonCheck(
    smallest.p > smallest.s && largest.s / largest.p >= NOISE,
    `tiny tasks lose to the message round-trip, large ones win (by at least ${NOISE}×)`,
    `${smallest.label}: piscina ${fasterOrSlower(smallest.p, smallest.s)}; ${largest.label}: ${fasterOrSlower(largest.p, largest.s)}`,
    BENCH,
  );
}

async function libuvPool(): Promise<void> {
  const sync = await countTicksDuring(() => hashBlocking('secret', HASH_ITERATIONS));
  const async = await countTicksDuring(() => hashOnThreadpool('secret', HASH_ITERATIONS));
  kv({ 'pbkdf2Sync: ticks during it': sync.ticks, 'pbkdf2 (callback): ticks during it': async.ticks });
  check(sync.result === async.result, 'same hash either way');
  const hashes = [HASH_ITERATIONS, HASH_ITERATIONS, HASH_ITERATIONS, HASH_ITERATIONS];
  const one = await runWithThreadpoolSize(1, { hashes, readFileAfter: true });
  const four = await runWithThreadpoolSize(4, { hashes, readFileAfter: true });
  table(
    [one, four].map((r) => ({
      UV_THREADPOOL_SIZE: r.poolSize,
      'wall time': formatDuration(r.wallMs),
      'completion order': r.order.join(' '),
    })),
  );
  if (CORES > 1)
    lessonCheck(
      one.wallMs / four.wallMs >= NOISE,
      `4 pool threads finish 4 hashes at least ${NOISE}× sooner than 1 (${CORES} cores to run them)`,
      `4 threads ${fasterOrSlower(four.wallMs, one.wallMs)} than 1`,
      BENCH,
    );
  note('With 1 thread the readFile waits behind every hash: a slow crypto burst starves file I/O.');
}

class Money {
  constructor(readonly cents: number) {}
}

async function structuredClones(): Promise<void> {
  const probe = new IsolateProbe();
  try {
    const counter = { count: 0 };
    const seenCount = await probe.bump(counter);
    const shared = new Int32Array(new SharedArrayBuffer(4));
    const seenShared = await probe.bump(shared);
    const buffer = new ArrayBuffer(1024);
    await probe.describe(buffer, [buffer]);
    let functionError = '';
    await probe.describe({ onDone: () => 1 }).catch((error: Error) => {
      functionError = error.name;
    });
    kv({
      'new Money(100) arrives as': await probe.describe(new Money(100)),
      'a Map arrives as': await probe.describe(new Map()),
      'sending a function': `throws ${functionError}`,
      '{ count: 0 } bumped in the worker': `worker sees ${seenCount}, we still see ${counter.count}`,
      'SharedArrayBuffer bumped in the worker': `worker sees ${seenShared}, we see ${Atomics.load(shared, 0)}`,
      'transferred ArrayBuffer, sender side': `${buffer.byteLength} bytes left (moved, not copied)`,
    });
  } finally {
    await probe.close();
  }
}

async function sharedMemory(): Promise<void> {
  const plain = await raceUntilLost({ ...RACE, maxAttempts: MAX_RACE_ATTEMPTS });
  // As many atomic races as it took the plain version to lose: none may lose a single update.
  const atomic: CounterRace[] = [];
  for (const _ of plain.races) atomic.push(await raceOnSharedCounter({ ...RACE, atomic: true }));
  const row = (version: string, races: readonly CounterRace[]) => ({
    version,
    races: races.length,
    expected: formatNumber(RACE.workers * RACE.increments),
    'lost per race': races.map((r) => formatNumber(r.lost)).join(', '),
  });
  table([row('cells[0] = cells[0] + 1', plain.races), row('Atomics.add', atomic)]);
  if (plain.losing)
    say(
      `the plain read-modify-write lost ${formatNumber(plain.losing.lost)} updates on race ${plain.races.length}: two threads read the same value and both wrote value + 1`,
    );
  else
    note(
      `no update lost in ${MAX_RACE_ATTEMPTS} plain races: on a busy machine one worker can finish before the other gets a core. The race is still there; run the section again.`,
    );
  check(
    atomic.every((r) => r.lost === 0),
    `Atomics.add lost none in ${atomic.length} race${atomic.length === 1 ? '' : 's'}`,
  );
}

async function processes(): Promise<void> {
  const work = [5_000_000, 10_000_000, 15_000_000, 20_000_000];
  const forked = await forkMap(work, { processes: 2 });
  const expected = runSequential(work).checksums;
  check(
    forked.checksums.every((c, i) => c === expected[i]),
    `forkMap over 2 child processes (pids ${forked.pids.join(', ')}; ours is ${process.pid}): same checksums`,
  );
  const cluster = await startCluster(2);
  try {
    const answeredBy: number[] = [];
    for (let i = 0; i < 4; i++) {
      const response = await fetch(cluster.url);
      answeredBy.push(((await response.json()) as { pid: number }).pid);
    }
    say(
      `4 requests to ${cluster.url} answered by pids ${answeredBy.join(', ')} (workers ${cluster.pids.join(', ')})`,
    );
  } finally {
    await cluster.close();
  }
}

await runDemo({
  title: 'The GIL — and Node’s event loop, libuv pool and worker threads',
  subtitle: `Part 1, Q2 · Node ${process.version} · ${CORES} cores (os.availableParallelism())`,
  sections: [
    {
      id: 'one-thread',
      title: 'One thread runs your JavaScript: a CPU-bound job stops everything else',
      why: 'Node has no GIL, but each isolate has exactly one JS thread. While it computes, no timer, no I/O\ncallback, no other request can run — the same effect the GIL has on a CPU-bound Python thread.',
      run: oneThread,
    },
    {
      id: 'partition',
      title: 'Partition: yield with setImmediate between slices',
      why: 'Still one thread, so no faster — but timers and requests get a turn between slices.',
      run: partition,
    },
    {
      id: 'offload',
      title: `Offload: the same job in a piscina pool (${CORES} worker threads)`,
      why: 'Each worker thread is its own V8 isolate with its own heap and event loop. The main loop stays free.',
      run: offload,
    },
    {
      id: 'speed-up',
      title: `Parallel speed-up: ${TASKS} tasks of ~17 ms each`,
      why: 'Promise.all over CPU work is asyncio.gather over coroutines that never await: one thread, no gain.',
      run: speedUp,
    },
    {
      id: 'sweep',
      title: 'When does the pool pay off? A task-size sweep',
      why: 'Handing a task to a thread costs a message each way; tiny tasks lose, large ones win.',
      run: sweep,
    },
    {
      id: 'libuv',
      title: 'The libuv threadpool: async crypto and fs already run off the main thread',
      why: 'pbkdf2, fs, dns.lookup and zlib run on libuv’s pool (4 threads unless UV_THREADPOOL_SIZE says otherwise).',
      run: libuvPool,
    },
    {
      id: 'clone',
      title: 'Isolates do not share objects: messages are structured clones',
      why: 'A message is copied into the other isolate: prototypes are dropped, functions refused, buffers moved.',
      run: structuredClones,
    },
    {
      id: 'atomics',
      title: 'Shared memory and Atomics: shared only where you say so, atomic only where you ask',
      why: `Node workers share only SharedArrayBuffers. Two workers, started together on a barrier, add 1 to one\nInt32Array slot ${formatNumber(RACE.increments)} times each; the plain race is retried (up to ${MAX_RACE_ATTEMPTS}×) until it loses an update.`,
      run: sharedMemory,
    },
    {
      id: 'processes',
      title: 'Processes: the multiprocessing analogue',
      why: 'child_process.fork is multiprocessing.Process; cluster is gunicorn -w N: one port, N processes.',
      run: processes,
    },
  ],
});
// The pool is not a service runDemo knows about, and its threads would keep the process alive.
await shared?.pool.close();
