/** The app as the HTTP tests and the fuzz test build it: its own schema, four users, a fake DNS. */
import { type Listening, listen } from '@lab/common/http';
import { resetSchema } from '@lab/common/services';
import { testPostgres, testSchema } from '@lab/common/testing';
import type pg from 'pg';
import { createSecurityApp, type SecurityAppOptions } from '../src/app.ts';
import type { Resolver } from '../src/safe-fetch.ts';
import { createUsersTable, seedUsers } from '../src/users.ts';

export const ALLOWED_ORIGIN = 'https://app.example.test';

/** Every name fails to resolve except `public.test`, our own loopback server: no test reaches the network. */
export const testResolver: Resolver = async (hostname) => {
  if (hostname === 'public.test') return [{ address: '127.0.0.1', family: 4 }];
  throw Object.assign(new Error(`ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
};

export interface AppFixture {
  pool: pg.Pool;
  server: Listening;
  /** Errors that became a 500: a test that expects none checks this stays empty. */
  internalErrors: unknown[];
  close(): Promise<void>;
}

export async function startApp(
  fileUrl: string,
  overrides: Partial<SecurityAppOptions> = {},
): Promise<AppFixture> {
  const schema = testSchema(fileUrl);
  const pool = await testPostgres(fileUrl, { max: 4 });
  await resetSchema(pool, schema);
  await createUsersTable(pool);
  await seedUsers(pool);
  const internalErrors: unknown[] = [];
  const server = await listen(
    createSecurityApp({
      pool,
      security: { cors: { origins: [ALLOWED_ORIGIN], credentials: true } },
      fetch: { resolve: testResolver, allowAddresses: ['127.0.0.1'] },
      onError: (error) => internalErrors.push(error),
      ...overrides,
    }),
  );
  return {
    pool,
    server,
    internalErrors,
    close: async () => {
      await server.close();
      await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await pool.end();
    },
  };
}

/** A request with a raw string body (so malformed JSON can be sent as is). */
export function send(
  url: string,
  method: string,
  body?: string,
  headers: Record<string, string> = { 'content-type': 'application/json' },
): Promise<Response> {
  return fetch(url, { method, headers, ...(body !== undefined ? { body } : {}) });
}
