import express, { type Express } from 'express';
import { intQuery } from './_params.ts';
import { Activity } from './activity.ts';
import { countPrimes, MAX_PRIME_LIMIT } from './cpu.ts';
import type { CpuPool } from './cpu-pool.ts';
import type { Db } from './db.ts';
import { type Dependency, DependencyUnavailableError } from './errors.ts';
import { notFound, problemHandler } from './problem.ts';
import { fetchUpstreamJson } from './upstream.ts';

/** What the app talks to. Each is optional so a test or a cluster worker builds only what it needs. */
export interface AppDeps {
  db?: Db;
  cpu?: CpuPool;
  upstream?: { url: string; timeoutMs: number };
  /** Where 5xx errors are reported (a logger in production). */
  log?: (error: unknown) => void;
}

/** The Express app and the counters it keeps about itself. */
export interface Api {
  app: Express;
  activity: Activity;
}

/** The longest pg_sleep a request may ask for: the demo and benches need a slow query, not a hung one. */
export const MAX_SLEEP_MS = 10_000;

const missing = (dependency: Dependency) =>
  new DependencyUnavailableError(dependency, `${dependency} is not configured in this process`, 60);

/**
 * The API, built by a factory so tests, the demo, the benches and the cluster workers share one definition:
 *
 * - `GET /ping`                  the cheap endpoint whose latency shows whether the loop is free
 * - `GET /primes/inline?limit=`  CPU work on the event loop (the mistake)
 * - `GET /primes/pooled?limit=`  the same work in a piscina worker thread
 * - `GET /db/sleep?ms=`          a slow query holding a pooled connection (`pg_sleep`)
 * - `GET /db/count?rows=`        a query that costs the database CPU (`generate_series`)
 * - `GET /upstream`              an outbound HTTP call with a deadline
 * - `GET /stats`                 the activity counters and the pool's state
 */
export function createApp(deps: AppDeps = {}): Api {
  const activity = new Activity();
  const app = express();
  app.disable('x-powered-by');

  app.get('/ping', (_req, res) => {
    activity.cheap();
    res.json({ pong: true, pid: process.pid });
  });

  app.get('/primes/inline', (req, res) => {
    const limit = intQuery(req, 'limit', 0, MAX_PRIME_LIMIT);
    activity.cpuStart();
    let primes: number;
    try {
      // Synchronous: until countPrimes returns, this process serves nobody else.
      primes = countPrimes(limit);
    } finally {
      activity.cpuEnd();
    }
    res.json({ limit, primes, mode: 'inline', threadId: 0, pid: process.pid });
  });

  app.get('/primes/pooled', async (req, res) => {
    const limit = intQuery(req, 'limit', 0, MAX_PRIME_LIMIT);
    const cpu = deps.cpu;
    if (!cpu) throw missing('cpu-pool');
    activity.cpuStart();
    try {
      const { primes, threadId } = await cpu.countPrimes(limit);
      res.json({ limit, primes, mode: 'pooled', threadId, pid: process.pid });
    } finally {
      activity.cpuEnd();
    }
  });

  app.get('/db/sleep', async (req, res) => {
    const ms = intQuery(req, 'ms', 0, MAX_SLEEP_MS);
    const db = deps.db;
    if (!db) throw missing('postgres');
    await db.query('SELECT pg_sleep($1::float8 / 1000)', [ms]);
    res.json({ sleptMs: ms });
  });

  app.get('/db/count', async (req, res) => {
    const rows = intQuery(req, 'rows', 1, 10_000_000);
    const db = deps.db;
    if (!db) throw missing('postgres');
    const result = await db.query<{ n: string }>('SELECT count(*) AS n FROM generate_series(1, $1::int)', [
      rows,
    ]);
    res.json({ rows: Number(result.rows[0]?.n) });
  });

  app.get('/upstream', async (_req, res) => {
    const upstream = deps.upstream;
    if (!upstream) throw missing('upstream');
    // Stop the outbound call if our own client hangs up: nobody is left to read its answer.
    const gone = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) gone.abort();
    });
    const body = await fetchUpstreamJson(upstream.url, {
      timeoutMs: upstream.timeoutMs,
      signal: gone.signal,
    });
    res.json({ upstream: body });
  });

  app.get('/stats', (_req, res) => {
    const pool = deps.db?.pool;
    res.json({
      pid: process.pid,
      activity: activity.snapshot(),
      ...(pool ? { db: { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount } } : {}),
      ...(deps.cpu ? { cpu: { threads: deps.cpu.threads, completed: deps.cpu.completed } } : {}),
    });
  });

  app.use(notFound);
  app.use(problemHandler(deps.log));
  return { app, activity };
}
