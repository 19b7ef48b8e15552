import { type Listening, listen } from '@lab/common/http';
import { queryStats } from '@lab/common/services';
import { testPostgres, testSchema } from '@lab/common/testing';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createApp,
  createDb,
  type Db,
  type DbLimits,
  DEFAULT_DB_LIMITS,
  httpGet,
  wrapPool,
} from '../src/index.ts';

const SCHEMA = testSchema(import.meta.url);
// Every connection this file opens carries this name, so the assertions on pg_stat_activity see only ours.
const APP_NAME = 'lab32-db-pool-test';

let admin: pg.Pool;

beforeAll(async () => {
  admin = await testPostgres(import.meta.url, { max: 2 });
});

afterAll(async () => {
  await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [
    APP_NAME,
  ]);
  await admin.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
  await admin.end();
});

async function serve(
  limits: Partial<DbLimits>,
): Promise<{ db: Db; server: Listening; close(): Promise<void> }> {
  const db = await createDb(limits, { schema: SCHEMA, applicationName: APP_NAME });
  const server = await listen(createApp({ db }).app);
  return {
    db,
    server,
    async close() {
      await server.close();
      await db.pool.end();
    },
  };
}

/** Backends of this file currently running a pg_sleep. */
async function sleepingBackends(): Promise<number> {
  const { rows } = await admin.query<{ n: string }>(
    `SELECT count(*) AS n FROM pg_stat_activity
      WHERE application_name = $1 AND state = 'active' AND query LIKE '%pg_sleep%'`,
    [APP_NAME],
  );
  return Number(rows[0]?.n);
}

describe('an exhausted pg.Pool', () => {
  it('answers 503 with Retry-After and a JSON body, and the waiting request never reaches the database', async () => {
    const api = await serve({
      max: 1,
      connectionTimeoutMillis: 150,
      statementTimeoutMs: 9_000,
      queryTimeoutMs: 9_500,
    });
    try {
      const stats = queryStats(api.db.pool);
      stats.reset();
      // The test itself holds the only connection, released when it chooses: no slow query to outlast.
      const held = await api.db.pool.connect();
      const rejected = await httpGet(`${api.server.url}/db/sleep?ms=0`);

      expect(rejected.status).toBe(503);
      expect(rejected.headers['retry-after']).toBe(String(DEFAULT_DB_LIMITS.retryAfterSeconds));
      expect(rejected.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(rejected.json).toEqual({
        type: 'about:blank',
        title: 'Service Unavailable',
        status: 503,
        detail: 'all 1 database connections stayed busy for 150 ms',
        code: 'postgres_busy',
        retryAfterSeconds: DEFAULT_DB_LIMITS.retryAfterSeconds,
      });
      // The rejected request was turned away at the pool: no query reached the database.
      expect(stats.count).toBe(0);
      held.release();
      expect((await httpGet(`${api.server.url}/db/sleep?ms=0`)).status).toBe(200);
      expect(stats.count).toBe(1);
    } finally {
      await api.close();
    }
  });

  it('queues requests instead when the wait is long enough, never opening more than max connections', async () => {
    const api = await serve({ max: 1, connectionTimeoutMillis: 20_000 });
    try {
      let opened = 0;
      let mostWaiting = 0;
      api.db.pool.on('connect', () => opened++);
      api.db.pool.on('acquire', () => {
        mostWaiting = Math.max(mostWaiting, api.db.pool.waitingCount);
      });
      const answers = await Promise.all(
        Array.from({ length: 4 }, () => httpGet(`${api.server.url}/db/sleep?ms=300`)),
      );
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
      expect(opened).toBe(1);
      expect(mostWaiting).toBeGreaterThan(0);
    } finally {
      await api.close();
    }
  });
});

describe('deadlines on database calls', () => {
  it('maps statement_timeout to a 504 JSON error, and the server has cancelled the query', async () => {
    const api = await serve({ max: 2, statementTimeoutMs: 200, queryTimeoutMs: 5_000 });
    try {
      const answer = await httpGet(`${api.server.url}/db/sleep?ms=10000`);
      expect(answer.status).toBe(504);
      expect(answer.json).toMatchObject({ status: 504, code: 'postgres_timeout' });
      expect((answer.json as { detail: string }).detail).toContain('statement_timeout (200 ms)');
      expect(await sleepingBackends()).toBe(0);
      // The pool recovers: the next query gets a connection and runs.
      expect((await httpGet(`${api.server.url}/db/sleep?ms=0`)).status).toBe(200);
    } finally {
      await api.close();
    }
  });

  it('query_timeout alone only stops waiting: the query keeps running on the server', async () => {
    // Built by hand because createDb() refuses this configuration, for the reason this test shows.
    const pool = await testPostgres(import.meta.url, {
      max: 1,
      query_timeout: 200,
      application_name: APP_NAME,
    });
    const limits = { ...DEFAULT_DB_LIMITS, max: 1, queryTimeoutMs: 200 };
    const server = await listen(createApp({ db: wrapPool(pool, limits) }).app);
    try {
      const answer = await httpGet(`${server.url}/db/sleep?ms=10000`);
      expect(answer.status).toBe(504);
      expect((answer.json as { detail: string }).detail).toContain('query_timeout (200 ms)');
      // The client gave up; PostgreSQL did not: its backend is still sleeping, holding a connection slot.
      expect(await sleepingBackends()).toBe(1);
    } finally {
      await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND query LIKE '%pg_sleep%'`,
        [APP_NAME],
      );
      await server.close();
      await pool.end();
    }
  });

  it('refuses a configuration whose client deadline would fire before (or with) the server one', async () => {
    await expect(createDb({ statementTimeoutMs: 1_000, queryTimeoutMs: 500 })).rejects.toThrow(
      new RangeError('queryTimeoutMs must exceed statementTimeoutMs: the server should cancel first'),
    );
    await expect(createDb({ statementTimeoutMs: 1_000, queryTimeoutMs: 1_000 })).rejects.toThrow(RangeError);
  });
});

describe('createDb', () => {
  it('puts the given schema first on the search_path and names its connections after the caller', async () => {
    const db = await createDb({}, { schema: SCHEMA, applicationName: APP_NAME });
    try {
      const { rows } = await db.pool.query<{ schema: string; app: string }>(
        "SELECT current_schema() AS schema, current_setting('application_name') AS app",
      );
      expect(rows).toEqual([{ schema: SCHEMA, app: APP_NAME }]);
    } finally {
      await db.pool.end();
    }
  });

  it('names its connections after the topic when the caller does not, so pg_stat_activity shows whose they are', async () => {
    const db = await createDb({ max: 1 });
    try {
      const { rows } = await db.pool.query<{ app: string }>(
        "SELECT current_setting('application_name') AS app",
      );
      expect(rows).toEqual([{ app: 'lab-api-concurrency' }]);
    } finally {
      await db.pool.end();
    }
  });

  it('sets every deadline it was given on the pool and on the server session', async () => {
    const limits = { max: 3, connectionTimeoutMillis: 700, statementTimeoutMs: 1_234, queryTimeoutMs: 2_345 };
    const db = await createDb(limits, { schema: SCHEMA, applicationName: APP_NAME });
    try {
      expect(db.limits).toEqual({ ...limits, retryAfterSeconds: DEFAULT_DB_LIMITS.retryAfterSeconds });
      const { rows } = await db.query<{ statement_timeout: string }>('SHOW statement_timeout');
      expect(rows).toEqual([{ statement_timeout: '1234ms' }]);
      expect(db.pool.options).toMatchObject({ max: 3, connectionTimeoutMillis: 700, query_timeout: 2_345 });
    } finally {
      await db.pool.end();
    }
  });
});
