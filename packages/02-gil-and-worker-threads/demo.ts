import { availableParallelism } from 'node:os';
import { threadId } from 'node:worker_threads';
import {
  bars,
  check,
  fasterOrSlower,
  formatDuration,
  formatNumber,
  heading,
  kv,
  measureLoopDelay,
  note,
  runDemo,
  say,
  summarize,
  table,
} from '@lab/common';
import { interleaved } from '@lab/common/bench';
import {
  CpuPool,
  countTicksDuring,
  cpuHeavy,
  cpuHeavyPartitioned,
  forkMap,
  hashBlocking,
  hashOnThreadpool,
  IsolateProbe,
  raceOnSharedCounter,
  runInFreshWorkers,
  runInPool,
  runPromiseAll,
  runSequential,
  runWithThreadpoolSize,
  startCluster,
} from './src/index.ts';

const CORES = availableParallelism();
const JOB = 50_000_000; // ~85 ms on an idle core

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

/** Median time of `reps` calls of each contender, interleaved so a burst of load hits both alike. */
async function medianTimes(reps: number, contenders: Array<() => unknown>): Promise<number[]> {
  const tasks = Object.fromEntries(contenders.map((run, i) => [String(i), run]));
  const samples = await interleaved(tasks, { rounds: reps, warmupRounds: 0 });
  return contenders.map((_, i) => summarize(samples[String(i)] ?? []).median);
}

await runDemo(
  'The GIL — and Node’s event loop, libuv pool and worker threads',
  `Part 1, Q2 · Node ${process.version} · ${CORES} cores (os.availableParallelism())`,
  async () => {
    const pool = new CpuPool({ threads: CORES });
    try {
      const poolThreads = await pool.meet();

      heading('1. One thread runs your JavaScript: a CPU-bound job stops everything else');
      note(
        'Node has no GIL, but each isolate has exactly one JS thread. While it computes, no timer,\nno I/O callback, no other request can run — the same effect the GIL has on a CPU-bound Python thread.',
      );
      const blocked = await observe(() => cpuHeavy(JOB));
      kv({
        'cpuHeavy(50M) on the main thread': `checksum ${blocked.value}, took ${formatDuration(blocked.ms)}`,
        'timer ticks (every 2 ms) during it': blocked.ticks,
        'worst event-loop delay': formatDuration(blocked.worstDelay),
      });
      check(blocked.ticks === 0, 'zero ticks: nothing else ran until the job returned');

      heading('2. Partition: yield with setImmediate between slices');
      note('Still one thread, so no faster — but timers and requests get a turn between slices.');
      const sliced = await observe(() => cpuHeavyPartitioned(JOB));
      kv({
        'cpuHeavyPartitioned(50M)': `took ${formatDuration(sliced.ms)} (${fasterOrSlower(sliced.ms, blocked.ms)} than blocking)`,
        'ticks during it': sliced.ticks,
        'worst event-loop delay': formatDuration(sliced.worstDelay),
      });
      check(sliced.value === blocked.value, 'same checksum as the blocking run');

      heading(`3. Offload: the same job in a piscina pool (${CORES} worker threads)`);
      note(
        'Each worker thread is its own V8 isolate with its own heap and event loop. The main loop stays free.',
      );
      const offloaded = await observe(() => pool.run(JOB));
      kv({
        'ran on thread': `${offloaded.value.threadId} (main is ${threadId})`,
        'ticks during it': offloaded.ticks,
        'worst event-loop delay': formatDuration(offloaded.worstDelay),
      });
      check(offloaded.value.checksum === blocked.value, 'identical checksum to the main-thread run');
      check(
        offloaded.worstDelay < blocked.worstDelay,
        `worst loop delay ${formatNumber(blocked.worstDelay / Math.max(offloaded.worstDelay, 0.001))}× lower than blocking`,
      );

      heading(`4. Parallel speed-up: ${CORES * 2} tasks of ~17 ms each`);
      note(
        'Promise.all over CPU work is asyncio.gather over coroutines that never await: one thread, no gain.',
      );
      const sizes = Array.from({ length: CORES * 2 }, () => 10_000_000);
      const [seqMs = 0, allMs = 0, poolMs = 0] = await medianTimes(2, [
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
      say(
        `vs sequential — piscina: ${fasterOrSlower(poolMs, seqMs)} (ceiling: ${CORES}× on ${CORES} cores); Promise.all: ${fasterOrSlower(allMs, seqMs)}`,
      );
      note(
        `Pool threads seen at start-up: ${poolThreads.join(', ')}; a fresh worker per task started ${fresh.result.threadIds.length} new ones.`,
      );

      heading('5. When does the pool pay off? A task-size sweep');
      note('Handing a task to a thread costs a message each way; tiny tasks lose, large ones win.');
      const sweep = [
        { label: '~2 µs', n: 1_000, reps: 40 },
        { label: '~50 µs', n: 30_000, reps: 20 },
        { label: '~2 ms', n: 1_000_000, reps: 5 },
      ];
      const rows = [];
      let firstWin: string | undefined;
      const measured = [];
      for (const { label, n, reps } of sweep) {
        const batch = Array.from({ length: CORES * 2 }, () => n);
        const [s = 0, p = 0] = await medianTimes(reps, [
          () => runSequential(batch),
          () => runInPool(pool, batch),
        ]);
        measured.push({ label, s, p });
      }
      // The ~17 ms row is section 4's measurement, not a second run.
      measured.push({ label: '~17 ms', s: seqMs, p: poolMs });
      for (const { label, s, p } of measured) {
        if (p < s && firstWin === undefined) firstWin = label;
        rows.push({
          'per task': label,
          sequential: formatDuration(s),
          piscina: formatDuration(p),
          'piscina vs sequential': fasterOrSlower(p, s),
        });
      }
      table(rows);
      say(
        firstWin
          ? `the pool first beats a plain loop at ${firstWin} per task on this machine`
          : 'the pool never beat the plain loop here (is the machine busy?)',
      );

      heading('6. The libuv threadpool: async crypto and fs already run off the main thread');
      note(
        'pbkdf2, fs, dns.lookup and zlib run on libuv’s pool (4 threads unless UV_THREADPOOL_SIZE says otherwise).',
      );
      const sync = await countTicksDuring(() => hashBlocking('secret', 150_000));
      const async = await countTicksDuring(() => hashOnThreadpool('secret', 150_000));
      kv({ 'pbkdf2Sync: ticks during it': sync.ticks, 'pbkdf2 (callback): ticks during it': async.ticks });
      check(sync.result === async.result, 'same hash either way');
      const hashes = [150_000, 150_000, 150_000, 150_000];
      const one = await runWithThreadpoolSize(1, { hashes, readFileAfter: true });
      const four = await runWithThreadpoolSize(4, { hashes, readFileAfter: true });
      table([
        {
          UV_THREADPOOL_SIZE: 1,
          'wall time': formatDuration(one.wallMs),
          'completion order': one.order.join(' '),
        },
        {
          UV_THREADPOOL_SIZE: 4,
          'wall time': formatDuration(four.wallMs),
          'completion order': four.order.join(' '),
        },
      ]);
      say(
        `4 hashes with 4 pool threads: ${fasterOrSlower(four.wallMs, one.wallMs)} than with 1 (${CORES} cores to run them)`,
      );
      note('With 1 thread the readFile waits behind every hash: a slow crypto burst starves file I/O.');

      heading('7. Isolates do not share objects: messages are structured clones');
      const probe = new IsolateProbe();
      try {
        class Money {
          constructor(readonly cents: number) {}
        }
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

      heading('8. Shared memory and Atomics: shared only where you say so, atomic only where you ask');
      note(
        'Python threads share every object (and `n += 1` can lose updates there too). Node workers share only\nSharedArrayBuffers. Here two workers add 1 to the same Int32Array slot 2 million times each.',
      );
      const [atomic, plain] = await Promise.all([
        raceOnSharedCounter({ workers: 2, increments: 2_000_000, atomic: true }),
        raceOnSharedCounter({ workers: 2, increments: 2_000_000, atomic: false }),
      ]);
      table([
        { version: 'Atomics.add', expected: atomic.expected, total: atomic.total, lost: atomic.lost },
        {
          version: 'cells[0] = cells[0] + 1',
          expected: plain.expected,
          total: plain.total,
          lost: plain.lost,
        },
      ]);
      note('The plain version may lose updates (how many varies by run); Atomics.add never does.');

      heading('9. Processes: the multiprocessing analogue');
      note('child_process.fork is multiprocessing.Process; cluster is gunicorn -w N: one port, N processes.');
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
    } finally {
      await pool.close();
    }
  },
);
