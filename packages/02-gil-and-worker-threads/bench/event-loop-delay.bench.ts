import { measureLoopDelay } from '@lab/common';
import { measureBench } from '@lab/common/bench';
import { cpuHeavy } from '../src/cpu-job.ts';
import { CpuPool } from '../src/cpu-pool.ts';
import { cpuHeavyPartitioned } from '../src/partition.ts';

// ~150 ms of work: long enough to stall a server visibly, short enough to repeat.
const N = 90_000_000;

export default [
  measureBench({
    title: `Worst event-loop delay while one ${N.toLocaleString('en-US')}-round job runs`,
    baseline: 'main thread (blocking)',
    unit: 'ms',
    better: 'lower',
    measure: async ({ smoke }) => {
      const n = smoke ? N / 10 : N;
      const runs = smoke ? 1 : 5;
      const pool = new CpuPool({ threads: 1 });
      await pool.meet();
      const samples: Record<string, number[]> = {
        'main thread (blocking)': [],
        'partitioned (setImmediate)': [],
        'piscina worker': [],
      };
      try {
        for (let i = 0; i < runs; i++) {
          samples['main thread (blocking)']?.push((await measureLoopDelay(() => cpuHeavy(n))).delay.max);
          samples['partitioned (setImmediate)']?.push(
            (await measureLoopDelay(() => cpuHeavyPartitioned(n))).delay.max,
          );
          samples['piscina worker']?.push((await measureLoopDelay(() => pool.run(n))).delay.max);
        }
      } finally {
        await pool.close();
      }
      return samples;
    },
    claims: [
      {
        says: 'Offloading to a worker keeps the worst loop delay under a fifth of what the blocking job causes',
        subject: 'piscina worker',
        below: 0.2,
      },
      {
        says: 'Partitioning with setImmediate also keeps the worst loop delay under a fifth of the blocking job’s',
        subject: 'partitioned (setImmediate)',
        below: 0.2,
      },
    ],
  }),
];
