import { availableParallelism } from 'node:os';
import { type Claim, interleaved, measureBench } from '@lab/common/bench';
import { CpuPool } from '../src/cpu-pool.ts';
import { parallelLimit, speedupBound } from '../src/parallelism.ts';
import { runInFreshWorkers, runInPool, runPromiseAll, runSequential } from '../src/strategies.ts';

const CORES = availableParallelism();
// Enough tasks to keep every core busy (and at least 4, like the seed's Pool(4)), few enough to stay quick.
const TASKS = Math.min(8, Math.max(4, CORES));
const PARALLEL = parallelLimit(TASKS, CORES);
const BOUND = speedupBound(PARALLEL);

// Work per task, from far less than one message hop costs to tens of milliseconds.
const SWEEP = [
  { size: 'tiny', n: 1_000, about: '~2 µs' },
  { size: 'small', n: 30_000, about: '~50 µs' },
  { size: 'medium', n: 1_000_000, about: '~2 ms' },
  { size: 'large', n: 20_000_000, about: '~35 ms' },
] as const;

function claimsFor(size: (typeof SWEEP)[number]['size']): Claim[] {
  if (size === 'tiny')
    return [
      {
        says: 'At ~2 µs per task the pool is slower than a plain loop: handing a task to a thread costs more than the task',
        subject: 'piscina',
        above: 3,
      },
    ];
  if (size === 'medium')
    return [
      {
        says: 'A fresh Worker per task is over 10× slower than a warm pool at ~2 ms per task: start-up dominates',
        subject: 'fresh Worker per task',
        against: 'piscina',
        above: 10,
      },
    ];
  if (size === 'large')
    return [
      {
        says: `At ~35 ms per task piscina beats sequential by more than ${(1 / BOUND).toFixed(2)}× (${PARALLEL} usable cores for ${TASKS} tasks)`,
        subject: 'piscina',
        below: BOUND,
        seed: 'multiprocessing.Pool(4).map(cpu_heavy, [10**7] * 4) is the remedy for CPU-bound work (no timing stated)',
      },
      {
        // No upper bound: once V8 has inlined the loop into the async wrapper (it does after the smaller
        // sizes have warmed it up), Promise.all runs ~1.3× *slower* here; with --no-turbo-inlining the
        // two are equal. Either way it is never faster, which is the point.
        says: 'Promise.all gives no speed-up for CPU work: still one thread (ratio not below ~1)',
        subject: 'Promise.all',
        above: 0.85,
        seed: "threading for CPU-bound work: 'No — GIL blocks parallelism' (no figure stated)",
      },
      {
        says: 'Even at ~35 ms per task, starting a Worker per task is slower than reusing pooled threads',
        subject: 'fresh Worker per task',
        against: 'piscina',
        above: 1.5,
      },
    ];
  return [];
}

export default SWEEP.map(({ size, n, about }) =>
  measureBench({
    title: `${TASKS} CPU tasks of ${n.toLocaleString('en-US')} rounds each (${size}, ${about} per task), ${CORES} cores`,
    baseline: 'sequential',
    unit: 'ms',
    better: 'lower',
    measure: async ({ smoke }) => {
      // A smoke run only checks that every contender works: a tenth of the work, one cold round.
      const sizes = Array.from({ length: TASKS }, () => (smoke ? Math.ceil(n / 10) : n));
      const pool = new CpuPool({ threads: CORES });
      try {
        await pool.meet(); // every thread started and the task file loaded before timing begins
        return await interleaved(
          {
            sequential: () => runSequential(sizes),
            'Promise.all': () => runPromiseAll(sizes),
            piscina: () => runInPool(pool, sizes),
            'fresh Worker per task': () => runInFreshWorkers(sizes),
          },
          smoke ? { rounds: 1, warmupRounds: 0 } : { rounds: 7, warmupRounds: 1, targetMs: 40 },
        );
      } finally {
        await pool.close();
      }
    },
    claims: claimsFor(size),
  }),
);
