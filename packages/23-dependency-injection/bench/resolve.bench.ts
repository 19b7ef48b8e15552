import { interleaved, measureBench } from '@lab/common/bench';
import { postgres } from '@lab/common/services';
import pg from 'pg';
import {
  awilixRequestScope,
  awilixWiring,
  type Leaves,
  MemoryUserCache,
  manualWiring,
  tinyWiring,
} from '../src/index.ts';

/** Resolves per timed call: enough that a call is not one timer tick, few enough to interleave often. */
const RESOLVES = 1_000;

// Nothing below connects: the pool is never queried, so only the wiring is timed.
/** Round trips per timed call of the PostgreSQL contender. */
const QUERIES = 10;
const SELECT = 'one SELECT 1 on loopback PostgreSQL';

const leaves = (): Leaves => ({
  pool: new pg.Pool({ max: 1 }),
  cache: new MemoryUserCache(),
  sink: () => {},
});

/** Keeps each result reachable so the JIT cannot drop the work that produced it. */
const sink: { value: unknown } = { value: undefined };

function graphs() {
  const l = leaves();
  const manual = manualWiring(l);
  const tiny = tinyWiring(l);
  const awilix = awilixWiring(l);
  // Singletons built before timing: what is timed is the lookup every later resolve pays.
  tiny.resolve('signups');
  awilix.resolve('signups');
  return { l, manual, tiny, awilix };
}

const repeat = (fn: (i: number) => unknown) => () => {
  for (let i = 0; i < RESOLVES; i++) sink.value = fn(i);
};

export default [
  measureBench({
    title: `Getting the SignupService singleton (already built), per resolve (${RESOLVES.toLocaleString('en-US')} per sample)`,
    baseline: 'manual wiring (a property read)',
    unit: 'ms',
    better: 'lower',
    measure: async ({ smoke }) => {
      const { l, manual, tiny, awilix } = graphs();
      try {
        return await interleaved(
          {
            'manual wiring (a property read)': repeat(() => manual.signups),
            'TinyContainer.resolve (typed, ours)': repeat(() => tiny.resolve('signups')),
            'awilix resolve()': repeat(() => awilix.resolve('signups')),
            'awilix cradle (Proxy get)': repeat(() => awilix.cradle.signups),
          },
          { rounds: smoke ? 3 : 300, warmupRounds: smoke ? 1 : 30, opsPerCall: RESOLVES },
        );
      } finally {
        await l.pool.end();
      }
    },
    claims: [
      {
        says: 'resolving a built singleton costs the same order on awilix as on our typed container (within 3×)',
        subject: 'awilix resolve()',
        against: 'TinyContainer.resolve (typed, ours)',
        above: 1 / 3,
        below: 3,
      },
    ],
  }),
  measureBench({
    title:
      'One request: a scope with the request in it and one scoped RequestLogger, against one SELECT 1 on loopback PostgreSQL',
    baseline: 'manual: new RequestLogger(request, sink)',
    unit: 'ms',
    better: 'lower',
    measure: async ({ smoke }) => {
      const { l, manual, tiny, awilix } = graphs();
      const db = await postgres({ max: 1 });
      try {
        const request = (i: number) => ({ requestId: `r${i}` });
        const samples = await interleaved(
          {
            'manual: new RequestLogger(request, sink)': repeat((i) => manual.forRequest(request(i)).logger),
            'TinyContainer: createScope + resolve': repeat((i) =>
              tiny.createScope({ request: request(i) }).resolve('logger'),
            ),
            'awilix: createScope + register + resolve': repeat((i) =>
              awilixRequestScope(awilix, request(i)).resolve('logger'),
            ),
            [SELECT]: async () => {
              for (let i = 0; i < QUERIES; i++) sink.value = await db.query('SELECT 1');
            },
          },
          { rounds: smoke ? 3 : 200, warmupRounds: smoke ? 1 : 20, opsPerCall: RESOLVES },
        );
        // interleaved() divided every sample by RESOLVES; the query task made QUERIES operations, not RESOLVES.
        samples[SELECT] = (samples[SELECT] ?? []).map((ms) => (ms * RESOLVES) / QUERIES);
        return samples;
      } finally {
        await db.end();
        await l.pool.end();
      }
    },
    claims: [
      {
        says: "an awilix request scope (createScope + register + resolve) costs at least 10× our container's",
        subject: 'awilix: createScope + register + resolve',
        against: 'TinyContainer: createScope + resolve',
        above: 10,
      },
      {
        says: "even awilix's request scope costs under a quarter of one SELECT 1 round trip on loopback",
        subject: 'awilix: createScope + register + resolve',
        against: SELECT,
        below: 0.25,
      },
    ],
  }),
];
