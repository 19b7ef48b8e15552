/**
 * `GET /api/v1/users/:id` through the whole stack (zod-validated path, error middleware, response schema)
 * against bare Express and bare node:http running the same query and sending the same bytes. All three
 * hit the same PostgreSQL in the same run, so the database cost is common and the ratios show what the
 * layers cost. Each server runs in its own child process; autocannon drives them from this one.
 *
 * Two views of the same load runs:
 * - requests per second, the best of several interleaved runs: on a shared machine other processes only
 *   ever take throughput away, so the best run is the one closest to what the code can do;
 * - server CPU time per request, the median over the runs: what capacity planning needs, and far less
 *   sensitive to neighbours than wall-clock throughput.
 */
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { loadTest, postgres, resetSchema } from '@lab/common';
import { measureBench } from '@lab/common/bench';
import { migrate, seed } from '../src/index.ts';
import type { Contender } from './_server-process.ts';

const SCHEMA = 'rest_api_design_bench';
const CONTENDERS: Contender[] = ['node:http', 'bare express', 'full stack'];
const PATH = '/api/v1/users/42';

interface Server {
  url: string;
  cpuMicros(): Promise<number>;
  stop(): Promise<void>;
}

/** Starts a contender in a child process; fork() passes on this process's flags, tsx loader included. */
async function serve(contender: Contender): Promise<Server> {
  const child = fork(fileURLToPath(new URL('./_server-process.ts', import.meta.url)), [contender, SCHEMA]);
  const exited = once(child, 'exit');
  const [ready] = (await Promise.race([
    once(child, 'message'),
    exited.then(([code]) => Promise.reject(new Error(`${contender} server exited with ${code}`))),
  ])) as [{ url: string }];
  return {
    url: ready.url,
    async cpuMicros() {
      child.send('cpu');
      const [answer] = (await once(child, 'message')) as [{ cpuMicros: number }];
      return answer.cpuMicros;
    },
    async stop() {
      if (child.connected) child.send('close');
      const timer = setTimeout(() => child.kill(), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

interface Run {
  requestsPerSec: number;
  cpuMicrosPerRequest: number;
}

/** One load run; a run with any failed or non-2xx request is not a measurement of this endpoint. */
async function run(server: Server, smoke: boolean): Promise<Run> {
  const cpuBefore = await server.cpuMicros();
  const started = performance.now();
  const result = await loadTest({
    url: `${server.url}${PATH}`,
    connections: 10,
    ...(smoke ? { amount: 200 } : { duration: 2 }),
  });
  const seconds = (performance.now() - started) / 1000;
  const cpu = (await server.cpuMicros()) - cpuBefore;
  if (result.errors > 0 || result.non2xx > 0)
    throw new Error(`${server.url}: ${result.errors} errors, ${result.non2xx} non-2xx responses under load`);
  return {
    // autocannon averages whole seconds; a smoke run lasts a fraction of one, so divide by the time taken.
    requestsPerSec: smoke ? result.requests / seconds : result.requestsPerSec,
    cpuMicrosPerRequest: cpu / result.requests,
  };
}

let measured: Promise<Record<Contender, Run[]>> | undefined;

/** All the load runs, done once and shared by the two benches below. */
function loadRuns(smoke: boolean): Promise<Record<Contender, Run[]>> {
  measured ??= (async () => {
    const pool = await postgres({ schema: SCHEMA });
    await resetSchema(pool, SCHEMA);
    await migrate(pool);
    await seed(pool, { users: 100 });
    const runs: Record<Contender, Run[]> = { 'node:http': [], 'bare express': [], 'full stack': [] };
    const servers: Server[] = [];
    try {
      servers.push(...(await Promise.all(CONTENDERS.map(serve))));
      // Warm-up: JIT, pool connections and PostgreSQL's plan cache, for every contender alike.
      for (const server of servers)
        await loadTest({ url: `${server.url}${PATH}`, amount: smoke ? 50 : 3000 });
      // Rounds interleave the contenders, so a noisy neighbour hits all of them alike.
      const rounds = smoke ? 1 : 5;
      for (let round = 0; round < rounds; round++) {
        for (const [i, contender] of CONTENDERS.entries())
          runs[contender].push(await run(servers[i]!, smoke));
      }
    } finally {
      await Promise.all(servers.map((server) => server.stop()));
      await pool.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
      await pool.end();
    }
    return runs;
  })();
  return measured;
}

const pick = (runs: Record<Contender, Run[]>, f: (runs: Run[]) => number | number[]) =>
  Object.fromEntries(CONTENDERS.map((c) => [c, f(runs[c])]));

export default [
  measureBench({
    title: 'GET /api/v1/users/:id throughput, best of 5 interleaved 2 s runs (same query, same bytes)',
    baseline: 'node:http',
    unit: 'req/s',
    better: 'higher',
    async measure({ smoke }) {
      return pick(await loadRuns(smoke), (runs) => Math.max(...runs.map((r) => r.requestsPerSec)));
    },
    claims: [
      {
        says: 'The full stack (Express, zod in and out, one error format) keeps at least 25% of bare node:http throughput',
        subject: 'full stack',
        above: 0.25,
      },
      {
        says: 'zod validation and the error layer keep at least half of bare Express throughput',
        subject: 'full stack',
        against: 'bare express',
        above: 0.5,
      },
    ],
  }),
  measureBench({
    title: 'GET /api/v1/users/:id server CPU time per request, median of the same runs',
    baseline: 'node:http',
    unit: 'µs/req',
    better: 'lower',
    async measure({ smoke }) {
      return pick(await loadRuns(smoke), (runs) => runs.map((r) => r.cpuMicrosPerRequest));
    },
    claims: [
      {
        says: 'A request through the full stack costs the server less than 4× the CPU of bare node:http',
        subject: 'full stack',
        below: 4,
      },
      {
        says: 'zod validation and the error layer add less than 60% to the CPU cost of a bare Express request',
        subject: 'full stack',
        against: 'bare express',
        below: 1.6,
      },
      {
        says: 'Express itself (routing, req/res decoration, ETag) costs at least 1.5× the CPU of bare node:http',
        subject: 'bare express',
        above: 1.5,
      },
    ],
  }),
];
