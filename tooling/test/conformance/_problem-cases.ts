/**
 * Every HTTP API in the repo answers errors with the kit's one problem body (`@lab/common/problem`): the
 * files in this folder drive each topic app's error paths over real HTTP on loopback and check the answer —
 * the designed 4xx (or 503), `application/problem+json`, a body `problemViolations` finds nothing wrong with,
 * and never a 500. One file per topic app; the topics are imported by path (tooling is the repo's machinery,
 * and the topics must not import it).
 */
import type { RequestListener } from 'node:http';
import { type Listening, listen } from '@lab/common/http';
import { PROBLEM_CONTENT_TYPE, problemViolations } from '@lab/common/problem';
import { resetSchema } from '@lab/common/services';
import { testPostgres, testSchema } from '@lab/common/testing';
import type pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';

/** One error path: what is sent, and the status the topic designed for it. */
export interface ErrorCase {
  path: string;
  status: number;
  send: (url: string) => Promise<Response>;
}

export const NUL = '\u0000';
export const LONE_SURROGATE = '\uD800';
export const LONG = 'x'.repeat(10_000);
/** `%ED%A0%80`: U+D800 as (invalid) UTF-8 bytes, the only way a lone surrogate can travel in a URL. */
export const SURROGATE_IN_URL = '%ED%A0%80';

export const get =
  (path: string, headers: Record<string, string> = {}) =>
  (url: string) =>
    fetch(`${url}${path}`, { headers });
export const post = (path: string, body: string, contentType = 'application/json', method = 'POST') => {
  return (url: string) => fetch(`${url}${path}`, { method, body, headers: { 'content-type': contentType } });
};
export const postJson = (path: string, value: unknown, method = 'POST') =>
  post(path, JSON.stringify(value), 'application/json', method);

/** The checks every error answer must pass; returns the body for topic-specific ones. */
export async function expectProblem(res: Response, status: number): Promise<Record<string, unknown>> {
  const text = await res.text();
  expect(res.status, text).not.toBe(500);
  expect(res.status, text).toBe(status);
  expect(res.headers.get('content-type'), text).toMatch(
    new RegExp(`^${PROBLEM_CONTENT_TYPE.replace('+', '\\+')}`),
  );
  const body: unknown = JSON.parse(text);
  expect(problemViolations(body, res.status), text).toEqual([]);
  return body as Record<string, unknown>;
}

/** The same table for every topic: its error paths as test names, `path → status`. */
export function conformance(topic: string, url: () => string, cases: ErrorCase[]): void {
  it.each(cases.map((c) => [c.path, c.status, c] as const))(`${topic}: %s → %i`, async (_, status, c) => {
    await expectProblem(await c.send(url()), status);
  });
}

export interface Served {
  /** The app's base URL (after `beforeAll`). */
  url(): string;
  pool(): pg.Pool;
}

/**
 * A topic app on the test file's own PostgreSQL schema, for the file's `describe`: the schema is made empty,
 * `build` creates its tables and returns the app, the server listens on loopback; afterwards the server
 * closes, and the schema and pool go. `teardown` runs first, for what `build` opened besides.
 */
export function servedOnSchema(
  fileUrl: string,
  build: (pool: pg.Pool) => Promise<RequestListener>,
  teardown: () => Promise<void> | void = () => {},
): Served {
  const schema = testSchema(fileUrl);
  let pool: pg.Pool | undefined;
  let server: Listening | undefined;
  beforeAll(async () => {
    pool = await testPostgres(fileUrl);
    await resetSchema(pool, schema);
    server = await listen(await build(pool));
  });
  afterAll(async () => {
    await teardown();
    await server?.close();
    await pool?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await pool?.end();
  });
  return {
    url: () => server?.url ?? '',
    pool: () => {
      if (!pool) throw new Error('the pool exists only once beforeAll has run');
      return pool;
    },
  };
}
