import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningService, send, startService } from './_service.ts';

// A schema without the service's tables: every query fails with 42P01, an error nobody designed for.
let service: RunningService;
beforeAll(async () => {
  service = await startService(import.meta.url, { tables: false });
});
afterAll(() => service.close());

describe('an unexpected error', () => {
  it('answers 500 with a generic body: no SQL, no driver message, no stack', async () => {
    const res = await send(service.url, 'GET', '/users/1');
    expect(res.status).toBe(500);
    expect(res.body).toEqual({
      type: 'about:blank',
      title: 'Internal Server Error',
      status: 500,
      detail: 'internal error',
      code: 'internal_error',
      requestId: res.requestId,
    });
    for (const leak of ['relation', 'users', '42P01', 'RepositoryError', '    at '])
      expect(res.text).not.toContain(leak);
  });

  it('logs at error with the stack and the whole cause chain, under the request id', async () => {
    service.capture.clear();
    const res = await send(service.url, 'GET', '/users/2', { headers: { 'x-request-id': 'incident-7' } });
    expect(res.requestId).toBe('incident-7');
    const [line] = service.capture.withMessage('request failed');
    expect(line).toMatchObject({
      level: 'error',
      module: 'http',
      requestId: 'incident-7',
      status: 500,
      code: 'internal_error',
    });
    expect(line?.errorChain).toEqual([
      { type: 'RepositoryError', message: 'database error 42P01' },
      { type: 'error', message: 'relation "users" does not exist', code: '42P01' },
    ]);
    const err = line?.err as { type: string; message: string; stack: string };
    expect(err.type).toBe('RepositoryError');
    expect(err.message).toBe('database error 42P01: relation "users" does not exist');
    expect(err.stack).toMatch(/^RepositoryError: database error 42P01\n\s+at /);
    expect(err.stack).toContain('caused by: error: relation "users" does not exist');
    expect(service.capture.withMessage('request completed')[0]).toMatchObject({
      requestId: 'incident-7',
      status: 500,
    });
  });
});
