import { type Listening, listen } from '@lab/common/http';
import { resetSchema } from '@lab/common/services';
import { testPostgres, testRedis, testSchema } from '@lab/common/testing';
import type { Redis } from 'ioredis';
import type pg from 'pg';
import pino from 'pino';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createObservedApp, migrate, type ObservedApp, type ObservedAppOptions } from '../src/index.ts';

/** A pool on the test file's own schema with the app's tables. */
export async function appDatabase(fileUrl: string): Promise<pg.Pool> {
  const pool = await testPostgres(fileUrl);
  await resetSchema(pool, testSchema(fileUrl));
  await migrate(pool);
  return pool;
}

export interface Running extends ObservedApp {
  server: Listening;
  /** Every log line the app wrote, parsed. */
  logs: Array<Record<string, unknown>>;
  get(
    path: string,
    headers?: Record<string, string>,
  ): Promise<{ status: number; headers: Headers; text: string }>;
}

export async function startApp(
  pool: pg.Pool,
  redis: Redis,
  options: Partial<ObservedAppOptions> = {},
): Promise<Running> {
  const logs: Array<Record<string, unknown>> = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => logs.push(JSON.parse(line)) });
  const observed = createObservedApp({ pool, redis, logger, ...options });
  const server = await listen(observed.app);
  return {
    ...observed,
    server,
    logs,
    async get(path, headers = {}) {
      const res = await fetch(`${server.url}${path}`, { headers });
      return { status: res.status, headers: res.headers, text: await res.text() };
    },
  };
}

/**
 * A test file's apps: its own schema and a Redis client for the whole file, every app started with `start`
 * closed after each test, and the users the app caches deleted from Redis.
 */
export function appsForFile(fileUrl: string) {
  const state: { pool?: pg.Pool; redis?: Redis; running: Running[] } = { running: [] };
  const need = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('available once beforeAll has run');
    return value;
  };
  beforeAll(async () => {
    state.pool = await appDatabase(fileUrl);
    state.redis = await testRedis();
  });
  afterEach(async () => {
    for (const app of state.running.splice(0)) await app.server.close();
    await state.redis?.del('obs:user:1', 'obs:user:2');
  });
  afterAll(async () => {
    await state.pool?.end();
    state.redis?.disconnect();
  });
  return {
    pool: () => need(state.pool),
    redis: () => need(state.redis),
    /** Starts an app on the file's pool (or `pool`), closed after the test. */
    async start(
      options: Partial<ObservedAppOptions> = {},
      pool: pg.Pool = need(state.pool),
    ): Promise<Running> {
      const app = await startApp(pool, need(state.redis), options);
      state.running.push(app);
      return app;
    },
  };
}
