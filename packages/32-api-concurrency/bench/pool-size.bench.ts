import { type Bench, measureBench } from '@lab/common/bench';
import { listen, loadTest } from '@lab/common/http';
import type pg from 'pg';
import { createApp, createDb } from '../src/index.ts';

/** HTTP connections from the load generator: more than the largest pool, so the pool is always the limit. */
const CONNECTIONS = 40;

interface SizeRun {
  requestsPerSec: number;
  /** How long each query held its connection (checkout to release), in ms: the query's time in the database. */
  holdMs: number[];
}

function recordHoldTimes(pool: pg.Pool): number[] {
  const held: number[] = [];
  const since = new WeakMap<pg.PoolClient, number>();
  pool.on('acquire', (client) => since.set(client, performance.now()));
  pool.on('release', (_error, client) => {
    const start = since.get(client);
    if (start !== undefined) held.push(performance.now() - start);
  });
  return held;
}

/** One load run of the API with a pool of `max`, each request running `path` against the real database. */
async function runWithPool(max: number, path: string, seconds: number): Promise<SizeRun> {
  // A generous wait: this bench measures queueing, not 503s (the tests cover those).
  const db = await createDb(
    { max, connectionTimeoutMillis: 10_000 },
    { applicationName: 'lab32-pool-bench' },
  );
  const server = await listen(createApp({ db }).app);
  try {
    // Open every connection first, so the run measures serving, not connecting.
    await Promise.all(Array.from({ length: max }, () => db.query('SELECT 1')));
    const holdMs = recordHoldTimes(db.pool);
    const result = await loadTest({
      url: `${server.url}${path}`,
      connections: CONNECTIONS,
      duration: seconds,
    });
    if (result.non2xx > 0 || result.errors > 0)
      throw new Error(`pool max ${max}: ${result.non2xx} non-2xx answers and ${result.errors} errors`);
    return { requestsPerSec: result.requestsPerSec, holdMs };
  } finally {
    await server.close();
    await db.pool.end();
  }
}

/** Interleaved rounds (1, 5, 20, 1, 5, 20, …) so a burst of load from elsewhere does not land on one size only. */
async function bySize(
  path: string,
  sizes: readonly number[],
  rounds: number,
  smoke: boolean,
): Promise<Map<number, SizeRun[]>> {
  const runs = new Map<number, SizeRun[]>();
  for (let round = 0; round < (smoke ? 1 : rounds); round++) {
    for (const max of sizes) {
      // Whole seconds: autocannon's req/s is an average of one-second buckets.
      const run = await runWithPool(max, path, smoke ? 1 : 2);
      runs.set(max, [...(runs.get(max) ?? []), run]);
    }
  }
  return runs;
}

const label = (max: number) => `pool max ${max}`;

export default [
  measureBench({
    title: 'API req/s by pg.Pool size, each request waiting on SELECT pg_sleep(0.01)',
    baseline: 'pool max 1',
    unit: 'req/s',
    better: 'higher',
    async measure({ smoke }) {
      const runs = await bySize('/db/sleep?ms=10', [1, 5, 20], 3, smoke);
      return Object.fromEntries([...runs].map(([max, r]) => [label(max), r.map((x) => x.requestsPerSec)]));
    },
    claims: [
      {
        says: 'with queries that wait (I/O), 5 connections serve more than 3× what 1 does',
        subject: 'pool max 5',
        above: 3,
        seed: 'asyncpg pool min_size=5, max_size=20 per worker',
      },
      {
        says: 'while queries only wait, 20 connections still beat 5: the idle database is not what limits the API',
        subject: 'pool max 20',
        against: 'pool max 5',
        above: 1.1,
        seed: 'max_size=20 per worker, with 2 × cores + 1 workers',
      },
    ],
  }),
  measureBench({
    title: 'Time each CPU-bound query holds its connection (count(*) over 100k generated rows), by pool size',
    baseline: 'pool max 2',
    unit: 'ms',
    better: 'lower',
    async measure({ smoke }) {
      const runs = await bySize('/db/count?rows=100000', [2, 20], 2, smoke);
      // Per-query samples from every round: the table's median and p99 are of single queries.
      return Object.fromEntries([...runs].map(([max, r]) => [label(max), r.flatMap((x) => x.holdMs)]));
    },
    claims: [
      {
        says: 'on a 2-core database, each of 20 concurrent CPU-bound queries runs well over twice as long as each of 2',
        subject: 'pool max 20',
        above: 2.5,
        seed: 'max_size=20 per worker',
      },
    ],
  }),
] satisfies Bench[];
