/**
 * Test harness: the real app on a real loopback port, on a real PostgreSQL schema of the test file's own.
 * Files run in parallel, so each passes its own `import.meta.url`, from which its schema is named.
 */
import { type Listening, listen, queryStats, resetSchema } from '@lab/common';
import { testPostgres, testSchema } from '@lab/common/testing';
import type pg from 'pg';
import { createApp, migrate, seed } from '../src/index.ts';

export interface ApiResponse {
  status: number;
  headers: Headers;
  /** The raw body text: checked for leaks and stack traces as well as parsed. */
  text: string;
  json: unknown;
}

export interface RequestOptions {
  /** Sent as JSON with `Content-Type: application/json`. */
  json?: unknown;
  /** Sent as is. */
  body?: string;
  headers?: Record<string, string>;
}

export interface TestApi {
  pool: pg.Pool;
  url: string;
  /** Errors the app reported as 500s; every test expects none. */
  serverErrors: unknown[];
  request(method: string, path: string, options?: RequestOptions): Promise<ApiResponse>;
  close(): Promise<void>;
}

export async function startApi(testFile: string, users = 0): Promise<TestApi> {
  const schema = testSchema(testFile);
  const pool = await testPostgres(testFile);
  await resetSchema(pool, schema);
  await migrate(pool);
  if (users > 0) await seed(pool, { users });
  const serverErrors: unknown[] = [];
  const server: Listening = await listen(createApp({ pool, onError: (error) => serverErrors.push(error) }));
  return {
    pool,
    url: server.url,
    serverErrors,
    async request(method, path, options = {}) {
      const headers: Record<string, string> = { ...options.headers };
      let body = options.body;
      if (options.json !== undefined) {
        body = JSON.stringify(options.json);
        headers['content-type'] ??= 'application/json';
      }
      const response = await fetch(`${server.url}${path}`, {
        method,
        headers,
        ...(body !== undefined ? { body } : {}),
      });
      const text = await response.text();
      const isJson = response.headers.get('content-type')?.includes('json') ?? false;
      return {
        status: response.status,
        headers: response.headers,
        text,
        json: isJson ? JSON.parse(text) : undefined,
      };
    },
    async close() {
      await server.close();
      await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await pool.end();
    },
  };
}

/** The count of queries `run` made the pool issue, and their texts. */
export async function countQueries(
  pool: pg.Pool,
  run: () => Promise<unknown>,
): Promise<{ count: number; texts: string[] }> {
  const stats = queryStats(pool);
  stats.reset();
  await run();
  return { count: stats.count, texts: [...stats.texts] };
}

/** The keys a user and an order may have in a response, in schema order. */
export const USER_KEYS = ['id', 'name', 'email', 'role', 'created_at', 'updated_at'];
export const ORDER_KEYS = ['id', 'user_id', 'status', 'total_cents', 'currency', 'created_at'];
