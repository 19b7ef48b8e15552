import { type Bench, measureBench } from '@lab/common/bench';
import { summarize } from '@lab/common/measure';
import { keepBusy, latencySamples, startCluster } from '../src/index.ts';

/** Tens of milliseconds of CPU per request: long enough to starve a loop, short enough to bench. */
const CPU_LIMIT = 500_000;

type Run = Record<'idle' | 'inline' | 'pooled', number[]>;

/**
 * One measurement feeds both benches below (medians from the per-request samples, then the p99s). The server
 * is a separate process (a one-worker cluster with one piscina thread) so the load generator here never
 * shares its event loop.
 */
let pending: Promise<Run> | undefined;
const measureOnce = (smoke: boolean): Promise<Run> => {
  pending ??= (async () => {
    const cluster = await startCluster({ workers: 1, cpuThreads: 1 });
    const durationMs = smoke ? 250 : 2_500;
    const sample = () => latencySamples({ url: `${cluster.url}/ping`, concurrency: 4, durationMs });
    const underLoad = async (mode: 'inline' | 'pooled') => {
      const stop = new AbortController();
      const busy = keepBusy(`${cluster.url}/primes/${mode}?limit=${CPU_LIMIT}`, 1, stop.signal);
      try {
        return await sample();
      } finally {
        stop.abort();
        await busy;
      }
    };
    try {
      if (!smoke) await sample(); // warm-up: JIT, keep-alive sockets
      return { idle: await sample(), inline: await underLoad('inline'), pooled: await underLoad('pooled') };
    } finally {
      await cluster.stop();
    }
  })();
  return pending;
};

const seed = 'ProcessPoolExecutor + run_in_executor "doesn\'t block the event loop" (no figure given)';

export default [
  measureBench({
    title: 'GET /ping latency while /primes requests run (per-request samples)',
    baseline: 'no CPU load',
    unit: 'ms',
    better: 'lower',
    async measure({ smoke }) {
      const run = await measureOnce(smoke);
      return { 'no CPU load': run.idle, 'CPU inline': run.inline, 'CPU in piscina': run.pooled };
    },
    claims: [
      {
        says: 'CPU work on the event loop makes every other request wait: the cheap median is many times slower',
        subject: 'CPU inline',
        above: 5,
      },
      {
        says: 'the same CPU work in a piscina thread leaves the cheap median under a fifth of the inline one',
        subject: 'CPU in piscina',
        against: 'CPU inline',
        below: 0.2,
        seed,
      },
    ],
  }),
  measureBench({
    title: 'GET /ping p99 while /primes requests run',
    baseline: 'p99, no CPU load',
    unit: 'ms',
    better: 'lower',
    async measure({ smoke }) {
      const run = await measureOnce(smoke);
      const p99 = (samples: number[]) => summarize(samples).p99;
      return {
        'p99, no CPU load': p99(run.idle),
        'p99, CPU inline': p99(run.inline),
        'p99, CPU in piscina': p99(run.pooled),
      };
    },
    claims: [
      {
        says: 'offloading cuts the cheap endpoint’s p99 to under a third of the inline p99',
        subject: 'p99, CPU in piscina',
        against: 'p99, CPU inline',
        below: 0.34,
        seed,
      },
    ],
  }),
] satisfies Bench[];
