import { availableParallelism } from 'node:os';
import { type Claim, measureBench } from '@lab/common/bench';
import { runWithThreadpoolSize } from '../src/libuv-threadpool.ts';
import { parallelLimit, speedupBound } from '../src/parallelism.ts';

const CORES = availableParallelism();
const HASHES = 4;
const ITERATIONS = 200_000; // one PBKDF2-SHA256 hash: ~40-90 ms
const PARALLEL = parallelLimit(HASHES, CORES);
const BOUND = speedupBound(PARALLEL);
const label = (size: number) => `UV_THREADPOOL_SIZE=${size}`;
// 1, the core count (when it is smaller than the default) and the default, 4.
const POOL_SIZES = [...new Set([1, Math.min(CORES, 4), 4])];

const claims: Claim[] = [
  {
    says: `The default pool (4 threads) hashes ${HASHES} passwords more than ${(1 / BOUND).toFixed(2)}× faster than a pool of 1 (${PARALLEL} usable cores)`,
    subject: label(4),
    against: label(1),
    below: BOUND,
  },
];
if (CORES < 4)
  claims.push({
    says: `Pool threads beyond the ${CORES} cores add nothing for CPU-bound crypto (ratio ~1)`,
    subject: label(4),
    against: label(CORES),
    above: 0.75,
    below: 1.33,
  });

export default [
  measureBench({
    title: `${HASHES} concurrent crypto.pbkdf2 calls (${ITERATIONS.toLocaleString('en-US')} iterations) by threadpool size, ${CORES} cores`,
    baseline: label(1),
    unit: 'ms',
    better: 'lower',
    measure: async ({ smoke }) => {
      const runs = smoke ? 1 : 5;
      const iterations = smoke ? ITERATIONS / 4 : ITERATIONS;
      const samples: Record<string, number[]> = Object.fromEntries(POOL_SIZES.map((s) => [label(s), []]));
      // Interleaved, so a burst of load from elsewhere on the machine hits every size alike.
      for (let i = 0; i < runs; i++) {
        for (const size of POOL_SIZES) {
          const report = await runWithThreadpoolSize(size, {
            hashes: Array.from({ length: HASHES }, () => iterations),
            readFileAfter: false,
          });
          samples[label(size)]?.push(report.wallMs);
        }
      }
      return samples;
    },
    claims,
  }),
];
