import { type Bench, measureBench } from '@lab/common/bench';
import { loadTest } from '@lab/common/http';
import { httpGet, type RunningCluster, startCluster } from '../src/index.ts';

/**
 * Several milliseconds of CPU per request (JSON-heavy or templating code can cost that): enough that the
 * servers, not the load generator sharing these cores, run out of CPU first. 32 connections keep every
 * worker's queue full even when the load generator is slow to be scheduled.
 */
const PATH = '/primes/inline?limit=200000';

async function requestsPerSec(cluster: RunningCluster, seconds: number): Promise<number> {
  const result = await loadTest({ url: `${cluster.url}${PATH}`, connections: 32, duration: seconds });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(
      `${cluster.pids.length} workers: ${result.non2xx} non-2xx answers and ${result.errors} errors`,
    );
  return result.requestsPerSec;
}

export default [
  measureBench({
    title: `node:cluster req/s of a CPU-ish endpoint (GET ${PATH}), 1 vs 2 workers`,
    baseline: '1 worker',
    unit: 'req/s',
    better: 'higher',
    async measure({ smoke }) {
      // Both clusters start together and stay up; an idle one costs no CPU while the other is measured.
      const [one, two] = await Promise.all([startCluster({ workers: 1 }), startCluster({ workers: 2 })]);
      try {
        // Warm each worker's JIT: fresh connections go round-robin, so 4 per worker reach them all.
        for (const cluster of [one, two])
          for (let i = 0; i < 4 * cluster.pids.length; i++)
            await httpGet(`${cluster.url}${PATH}`, { fresh: true });
        // Whole seconds: autocannon's req/s is an average of one-second buckets.
        const seconds = smoke ? 1 : 2;
        const out: Record<'1 worker' | '2 workers', number[]> = { '1 worker': [], '2 workers': [] };
        // Alternating rounds (1, 2, 1, 2, …): a burst of load from elsewhere does not land on one contender.
        for (let round = 0; round < (smoke ? 1 : 3); round++) {
          out['1 worker'].push(await requestsPerSec(one, seconds));
          out['2 workers'].push(await requestsPerSec(two, seconds));
        }
        return out;
      } finally {
        await Promise.all([one.stop(), two.stop()]);
      }
    },
    claims: [
      {
        says: 'a second worker process on a second core serves clearly more CPU-bound requests than one',
        subject: '2 workers',
        above: 1.2,
        seed: 'gunicorn workers = 2 × cores + 1 (a rule for blocking workers; one per core is Node’s)',
      },
    ],
  }),
] satisfies Bench[];
