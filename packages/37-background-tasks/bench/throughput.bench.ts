import { randomUUID } from 'node:crypto';
import { measureBench } from '@lab/common/bench';
import { deleteKeysWithPrefix, redis } from '@lab/common/services';
import type { Redis } from 'ioredis';
import { timeBullmq, timeOurs } from '../src/throughput.ts';

const CONCURRENCY = 8;
const OURS = 'RedisQueue (ours)';
const BULLMQ = 'BullMQ';

/**
 * Jobs per second end to end (enqueue → handler → ack), ours and BullMQ in alternating rounds on one
 * Redis, each round on fresh keys, the workers in this process with the same concurrency.
 */
async function jobsPerSecond(client: Redis, smoke: boolean) {
  const jobs = smoke ? 50 : 2_000;
  const rounds = smoke ? 1 : 7;
  const samples: Record<string, number[]> = { [OURS]: [], [BULLMQ]: [] };
  const contenders: Array<[string, typeof timeOurs]> = [
    [OURS, timeOurs],
    [BULLMQ, timeBullmq],
  ];
  for (let round = -1; round < rounds; round++) {
    // A B, B A, … so a burst of load on the shared machine lands on both alike; round -1 warms up.
    const order = round % 2 === 0 ? contenders : [...contenders].reverse();
    for (const [name, time] of order) {
      const prefix = `bench37:${randomUUID()}:`;
      try {
        const ms = await time({ redis: client, prefix, jobs, concurrency: CONCURRENCY });
        if (round >= 0) samples[name]?.push((jobs / ms) * 1000);
      } finally {
        await deleteKeysWithPrefix(client, prefix);
      }
    }
  }
  return samples;
}

export default [
  measureBench({
    title: `End-to-end throughput: enqueue → handler → ack, ${CONCURRENCY} jobs in flight, one Redis`,
    baseline: BULLMQ,
    unit: 'jobs/s',
    better: 'higher',
    measure: async ({ smoke }) => {
      const r = await redis();
      if (!r.ok) throw new Error(`this bench needs Redis: ${r.reason}; ${r.howToGet}`);
      return jobsPerSecond(r.client, smoke);
    },
    claims: [
      {
        says: 'our queue moves at least as many jobs per second as BullMQ, with the same at-least-once guarantee',
        subject: OURS,
        above: 1,
      },
    ],
  }),
];
