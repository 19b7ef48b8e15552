import type { Redis } from 'ioredis';
import type pg from 'pg';
import { inject } from 'vitest';
import { type PostgresOptions, postgres } from './services/postgres.ts';
import { HOW_TO_GET_REDIS, redis } from './services/redis.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    redisUrl: string;
    redisProblem: string;
  }
}

/**
 * A pool on the real PostgreSQL the global setup started (or DATABASE_URL). Give each test file its own
 * schema so files can run in parallel.
 */
export async function testPostgres(options: PostgresOptions = {}): Promise<pg.Pool> {
  process.env.DATABASE_URL ||= inject('databaseUrl');
  return postgres(options);
}

/** An ioredis client on the real Redis; fails the test with a one-line instruction when there is none. */
export async function testRedis(): Promise<Redis> {
  const url = inject('redisUrl');
  if (!url) throw new Error(`this test needs Redis: ${inject('redisProblem') || HOW_TO_GET_REDIS}`);
  process.env.REDIS_URL ||= url;
  const result = await redis();
  if (!result.ok) throw new Error(`this test needs Redis: ${result.reason}; ${result.howToGet}`);
  return result.client;
}
