import { type Listening, listen } from '@lab/common/http';
import { resetSchema } from '@lab/common/services';
import { testPostgres, testSchema } from '@lab/common/testing';
import type { Redis } from 'ioredis';
import type pg from 'pg';
import pino from 'pino';
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
