import { interleaved, measureBench } from '@lab/common/bench';
import DataLoader from 'dataloader';
import { Batcher } from '../src/batcher.ts';

const LOADS = 1_000;
const keys = Array.from({ length: LOADS }, (_, i) => i);
// An instant batch function, so that only the batching machinery is timed (no database).
const batchFn = async (ids: readonly number[]) => ids.map((id) => id * 2);

export default [
  measureBench({
    title: `Batching ${LOADS.toLocaleString('en-US')} load() calls made in one tick (instant batch function), per load`,
    baseline: 'dataloader',
    unit: 'ms',
    better: 'lower',
    measure: ({ smoke }) =>
      // A new loader per call, as one per request in an API.
      interleaved(
        {
          dataloader: async () => {
            const loader = new DataLoader(batchFn);
            await Promise.all(keys.map((k) => loader.load(k)));
          },
          'Batcher (ours)': async () => {
            const batcher = new Batcher(batchFn);
            await Promise.all(keys.map((k) => batcher.load(k)));
          },
        },
        { rounds: smoke ? 3 : 400, warmupRounds: smoke ? 1 : 50, opsPerCall: LOADS },
      ),
    claims: [
      {
        says: 'our batcher costs no more than 2× what dataloader does per load()',
        subject: 'Batcher (ours)',
        below: 2,
      },
    ],
  }),
];
