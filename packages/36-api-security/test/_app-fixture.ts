/** The app as the HTTP tests and the fuzz test build it: its own schema, four users, a fake DNS. */
import http from 'node:http';
import { type Listening, listen } from '@lab/common/http';
import { resetSchema } from '@lab/common/services';
import { testPostgres, testSchema } from '@lab/common/testing';
import type pg from 'pg';
import { createSecurityApp, type SecurityAppOptions } from '../src/app.ts';
import type { Resolver } from '../src/safe-fetch.ts';
import { createUsersTable, seedUsers } from '../src/users.ts';

export const ALLOWED_ORIGIN = 'https://app.example.test';

/** The tests' connection policy: our loopback server and nothing else, so no generated URL leaves the machine. */
export const onlyLoopbackServer = (address: string): boolean => address === '127.0.0.1';

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
      fetch: { resolve: testResolver, mayConnect: onlyLoopbackServer },
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

export interface RawAnswer {
  status: number;
  contentType: string | undefined;
  text: string;
}

/**
 * The same over node:http on one kept-alive socket: about three times cheaper per request than fetch on a
 * busy machine, which is what lets the fuzz test send thousands of bodies.
 */
export function rawSender(baseUrl: string) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const request = (method: string, path: string, body: string): Promise<RawAnswer> =>
    new Promise((resolve, reject) => {
      const bytes = Buffer.from(body);
      const req = http.request(
        `${baseUrl}${path}`,
        { method, agent, headers: { 'content-type': 'application/json', 'content-length': bytes.length } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              contentType: res.headers['content-type'],
              text: Buffer.concat(chunks).toString(),
            }),
          );
        },
      );
      req.on('error', reject);
      req.end(bytes);
    });
  return { request, close: () => agent.destroy() };
}
