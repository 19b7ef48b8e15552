import { type Bench, interleaved, measureBench } from '@lab/common/bench';
import { fetchConcurrent, fetchLimited, fetchSequential } from '../src/fetch-all.ts';
import { blockFor, watchLoop } from '../src/loop-health.ts';
import { startSlowServer } from '../src/slow-server.ts';

const LIMIT = 3;
const SEED = 'Sequential: 10 URLs × 200 ms ≈ 2000 ms; concurrent (asyncio.gather) ≈ 200 ms';

export default [
  measureBench({
    title: `10 GETs to a loopback server that answers after 200 ms: sequential vs Promise.all vs at most ${LIMIT} at a time`,
    baseline: 'sequential awaits',
    unit: 'ms per batch',
    better: 'lower',
    async measure({ smoke }) {
      const delayMs = smoke ? 20 : 200;
      const server = await startSlowServer({ delayMs });
      const urls = Array.from({ length: smoke ? 4 : 10 }, (_, i) => `${server.url}/item/${i}`);
      try {
        // Rotating rounds: load from other processes lands on every strategy alike.
        return await interleaved(
          {
            'sequential awaits': () => fetchSequential(urls),
            'Promise.all': () => fetchConcurrent(urls),
            [`limited to ${LIMIT}`]: () => fetchLimited(urls, LIMIT),
          },
          { rounds: smoke ? 1 : 5, warmupRounds: 1 },
        );
      } finally {
        await server.close();
      }
    },
    claims: [
      {
        says: 'Promise.all over 10 slow requests takes about one request’s time: under a quarter of awaiting them one by one (ideal: 0.1)',
        subject: 'Promise.all',
        below: 0.25,
        seed: SEED,
      },
      {
        says: `At most ${LIMIT} in flight runs the 10 in ceil(10/${LIMIT}) = 4 waves: between 0.3 and 0.55 of sequential (ideal: 0.4)`,
        subject: `limited to ${LIMIT}`,
        above: 0.3,
        below: 0.55,
      },
      {
        says: `The limit costs time against unbounded Promise.all: 4 waves instead of 1, over 2.5× (ideal: 4)`,
        subject: `limited to ${LIMIT}`,
        against: 'Promise.all',
        above: 2.5,
      },
    ],
  }),
  measureBench({
    title: 'Event-loop utilisation over 100 ms: awaiting a timer vs a synchronous busy loop',
    baseline: 'await (idle loop)',
    unit: 'utilisation (0..1)',
    better: 'lower',
    async measure({ smoke }) {
      const out: Record<'await (idle loop)' | 'sync busy loop', number[]> = {
        'await (idle loop)': [],
        'sync busy loop': [],
      };
      const ms = smoke ? 20 : 100;
      for (let round = 0; round < (smoke ? 1 : 5); round++) {
        out['await (idle loop)'].push(
          (await watchLoop(() => new Promise((resolve) => setTimeout(resolve, ms)))).utilization,
        );
        out['sync busy loop'].push((await watchLoop(() => blockFor(ms))).utilization);
      }
      return out;
    },
    claims: [
      {
        says: 'A synchronous stretch keeps the loop busy the whole time: utilisation over 5× that of an await of the same length',
        subject: 'sync busy loop',
        above: 5,
        seed: 'A blocking call (time.sleep) "blocks the entire event loop"; no figure given',
      },
    ],
  }),
] satisfies Bench[];
