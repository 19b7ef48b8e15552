import { type Listening, listen } from '@lab/common/http';
import { resetSchema } from '@lab/common/services';
import { testPostgres, testSchema } from '@lab/common/testing';
import { migrate } from '@lab/project-structure';
import type pg from 'pg';
import { createLoggedService } from '../src/app.ts';
import { LogCapture, type LogRecord } from '../src/capture.ts';

export interface RunningService {
  url: string;
  capture: LogCapture;
  pool: pg.Pool;
  /** The lines logged for one request id. */
  linesOf(requestId: string): LogRecord[];
  close(): Promise<void>;
}

/**
 * The logged service on the test file's own schema (`suffix` for a second one), listening on loopback, its
 * log captured at debug. `tables: false` leaves the schema empty: every query fails (a 500 path).
 */
export async function startService(
  fileUrl: string,
  options: { suffix?: string; tables?: boolean } = {},
): Promise<RunningService> {
  const { suffix, tables = true } = options;
  const pool = await testPostgres(fileUrl, { max: 4, ...(suffix ? { suffix } : {}) });
  const schema = testSchema(fileUrl, suffix);
  await resetSchema(pool, schema);
  if (tables) await migrate(pool);
  const capture = new LogCapture();
  let next = 0;
  const { app } = createLoggedService(pool, {
    level: 'debug',
    time: false,
    destination: capture,
    generateRequestId: () => `gen-${++next}`,
  });
  const server: Listening = await listen(app);
  return {
    url: server.url,
    capture,
    pool,
    linesOf: (requestId) => capture.records.filter((r) => r.requestId === requestId),
    async close() {
      await server.close();
      await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await pool.end();
    },
  };
}

export async function send(
  url: string,
  method: string,
  path: string,
  options: { body?: string; headers?: Record<string, string> } = {},
) {
  const response = await fetch(url + path, {
    method,
    headers: {
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...options.headers,
    },
    ...(options.body === undefined ? {} : { body: options.body }),
  });
  const text = await response.text();
  return {
    status: response.status,
    requestId: response.headers.get('x-request-id'),
    type: response.headers.get('content-type'),
    text,
    body: (text ? JSON.parse(text) : undefined) as Record<string, unknown> | undefined,
  };
}
