import { type Listening, listen } from '@lab/common/http';
import { testPostgres, testSchema } from '@lab/common/testing';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CpuPool, createApp, type Db, DEFAULT_DB_LIMITS, httpGet, wrapPool } from '../src/index.ts';

let pool: pg.Pool;
let db: Db;

beforeAll(async () => {
  pool = await testPostgres(import.meta.url, { max: 2 });
  db = wrapPool(pool, DEFAULT_DB_LIMITS);
});

afterAll(async () => {
  await pool.query(`DROP SCHEMA IF EXISTS ${testSchema(import.meta.url)} CASCADE`);
  await pool.end();
});

/** A CPU pool stand-in with fixed counters: the routes only read them and pass its answer through. */
const fakeCpu: CpuPool = {
  countPrimes: async (limit) => ({ primes: limit === 10 ? 4 : -1, threadId: 7 }),
  warm: async () => {},
  threads: 3,
  completed: 11,
  close: async () => {},
};

async function serving<T>(api: ReturnType<typeof createApp>, use: (server: Listening) => Promise<T>) {
  const server = await listen(api.app);
  try {
    return await use(server);
  } finally {
    await server.close();
  }
}

describe('the routes', () => {
  it('answers /ping with its pid and counts it as a cheap request', async () => {
    const api = createApp();
    await serving(api, async (server) => {
      const answer = await httpGet(`${server.url}/ping`);
      expect(answer.status).toBe(200);
      expect(answer.json).toEqual({ pong: true, pid: process.pid });
      expect(answer.headers['x-powered-by']).toBeUndefined();
    });
    expect(api.activity.snapshot()).toMatchObject({ cheapServed: 1, cheapServedDuringCpu: 0 });
  });

  it('sleeps in the database for /db/sleep and says for how long', async () => {
    await serving(createApp({ db }), async (server) => {
      const answer = await httpGet(`${server.url}/db/sleep?ms=1`);
      expect([answer.status, answer.json]).toEqual([200, { sleptMs: 1 }]);
    });
  });

  it('counts generated rows in the database for /db/count, from 1 row up', async () => {
    await serving(createApp({ db }), async (server) => {
      const counted = await httpGet(`${server.url}/db/count?rows=1234`);
      expect([counted.status, counted.json]).toEqual([200, { rows: 1234 }]);
      expect((await httpGet(`${server.url}/db/count?rows=1`)).json).toEqual({ rows: 1 });
      const none = await httpGet(`${server.url}/db/count?rows=0`);
      expect(none.status).toBe(400);
      expect((none.json as { detail: string }).detail).toContain('"rows"');
    });
  });

  it('passes the CPU pool answer of /primes/pooled through, with the thread that computed it', async () => {
    const api = createApp({ cpu: fakeCpu });
    await serving(api, async (server) => {
      const answer = await httpGet(`${server.url}/primes/pooled?limit=10`);
      expect(answer.json).toEqual({ limit: 10, primes: 4, mode: 'pooled', threadId: 7, pid: process.pid });
    });
    expect(api.activity.snapshot()).toMatchObject({ cpuStarted: 1, cpuFinished: 1, cpuInFlight: 0 });
  });

  it('reports the activity counters, the pool state and the CPU pool in /stats', async () => {
    const api = createApp({ db, cpu: fakeCpu });
    await serving(api, async (server) => {
      await httpGet(`${server.url}/ping`);
      const answer = await httpGet(`${server.url}/stats`);
      expect(answer.status).toBe(200);
      expect(answer.json).toEqual({
        pid: process.pid,
        activity: { cpuInFlight: 0, cpuStarted: 0, cpuFinished: 0, cheapServed: 1, cheapServedDuringCpu: 0 },
        db: { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount },
        cpu: { threads: 3, completed: 11 },
      });
    });
  });

  it('leaves the db and cpu sections out of /stats in a process built without them', async () => {
    await serving(createApp(), async (server) => {
      const answer = await httpGet(`${server.url}/stats`);
      expect(answer.status).toBe(200);
      expect(answer.json).toEqual({
        pid: process.pid,
        activity: { cpuInFlight: 0, cpuStarted: 0, cpuFinished: 0, cheapServed: 0, cheapServedDuringCpu: 0 },
      });
    });
  });
});

describe('a dependency this process was built without', () => {
  it.each([
    ['/db/sleep?ms=0', 'postgres'],
    ['/db/count?rows=1', 'postgres'],
    ['/upstream', 'upstream'],
    ['/primes/pooled?limit=10', 'cpu-pool'],
  ])('%s answers 503 naming %s, with a long Retry-After', async (path, dependency) => {
    await serving(createApp(), async (server) => {
      const answer = await httpGet(`${server.url}${path}`);
      expect(answer.status).toBe(503);
      expect(answer.headers['retry-after']).toBe('60');
      expect(answer.json).toMatchObject({
        code: `${dependency.replace('-', '_')}_unavailable`,
        detail: `${dependency} is not configured in this process`,
        retryAfterSeconds: 60,
      });
    });
  });
});

describe('errors', () => {
  it('logs a database failure it cannot classify and answers a generic 500', async () => {
    const closed = await testPostgres(import.meta.url, { max: 1 });
    await closed.end();
    const logged: unknown[] = [];
    const api = createApp({ db: wrapPool(closed, DEFAULT_DB_LIMITS), log: (e) => logged.push(e) });
    await serving(api, async (server) => {
      const answer = await httpGet(`${server.url}/db/count?rows=1`);
      expect(answer.status).toBe(500);
      expect(answer.json).toMatchObject({ code: 'internal_error' });
    });
    expect(logged).toHaveLength(1);
    expect(String(logged[0])).toContain('Cannot use a pool after calling end on the pool');
  });

  it('logs nothing for bad input or a missing route', async () => {
    const logged: unknown[] = [];
    await serving(createApp({ log: (e) => logged.push(e) }), async (server) => {
      expect((await httpGet(`${server.url}/primes/inline?limit=x`)).status).toBe(400);
      expect((await httpGet(`${server.url}/nope`)).status).toBe(404);
    });
    expect(logged).toEqual([]);
  });
});
