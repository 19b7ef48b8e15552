import { type Listening, listen } from '@lab/common/http';
import express from 'express';
import { describe, expect, it } from 'vitest';
import {
  BadRequestError,
  classifyPgError,
  DEFAULT_DB_LIMITS,
  DependencyBusyError,
  DependencyTimeoutError,
  DependencyUnavailableError,
  httpGet,
  notFound,
  problemHandler,
  toProblem,
  UpstreamBadResponseError,
} from '../src/index.ts';

const pgError = (message: string, code?: string) => Object.assign(new Error(message), code ? { code } : {});

describe('classifyPgError', () => {
  it.each([
    ['timeout exceeded when trying to connect', undefined, DependencyBusyError],
    ['Connection terminated due to connection timeout', undefined, DependencyUnavailableError],
    ['canceling statement due to statement timeout', '57014', DependencyTimeoutError],
    ['Query read timeout', undefined, DependencyTimeoutError],
    ['sorry, too many clients already', '53300', DependencyUnavailableError],
    ['connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED', DependencyUnavailableError],
  ])('%s → %s', (message, code, type) => {
    const error = pgError(message, code);
    const typed = classifyPgError(error, DEFAULT_DB_LIMITS);
    expect(typed).toBeInstanceOf(type);
    expect((typed as Error).cause).toBe(error);
  });

  it('says in each typed error which dependency failed and which limit was hit', () => {
    const limits = { ...DEFAULT_DB_LIMITS, max: 4, connectionTimeoutMillis: 300, statementTimeoutMs: 900 };
    const described = [
      pgError('timeout exceeded when trying to connect'),
      pgError('Connection terminated due to connection timeout'),
      pgError('canceling statement due to statement timeout', '57014'),
      pgError('Query read timeout'),
      pgError('terminating connection due to administrator command', '57P01'),
    ].map((error) => {
      const typed = classifyPgError(error, limits) as DependencyBusyError;
      return [typed.dependency, typed.message];
    });
    expect(described).toEqual([
      ['postgres', 'all 4 database connections stayed busy for 300 ms'],
      ['postgres', 'could not open a database connection within 300 ms'],
      ['postgres', 'the query was cancelled by the server after statement_timeout (900 ms)'],
      ['postgres', 'no answer from the database within query_timeout (3000 ms)'],
      ['postgres', 'the database is unavailable (57P01)'],
    ]);
  });

  it('returns a thrown value that is not an Error unchanged', () => {
    const odd = { message: 'timeout exceeded when trying to connect' };
    expect(classifyPgError(odd, DEFAULT_DB_LIMITS)).toBe(odd);
    expect(classifyPgError('boom', DEFAULT_DB_LIMITS)).toBe('boom');
    expect(classifyPgError(undefined, DEFAULT_DB_LIMITS)).toBeUndefined();
  });

  it('leaves a real bug (a syntax error) alone, so it stays a 500', () => {
    const error = pgError('syntax error at or near "SELEC"', '42601');
    expect(classifyPgError(error, DEFAULT_DB_LIMITS)).toBe(error);
  });
});

describe('toProblem', () => {
  it('maps each kind of failure to its status, code and Retry-After', () => {
    const cases = [
      new DependencyBusyError('postgres', 'pool busy', 1),
      new DependencyUnavailableError('upstream', 'refused', 5),
      new DependencyTimeoutError('postgres', 'too slow', 200),
      new UpstreamBadResponseError('upstream answered 500', 500),
      new BadRequestError('limit must be an integer'),
    ].map(toProblem);
    expect(cases.map((p) => [p.status, p.body.code, p.headers['retry-after']])).toEqual([
      [503, 'postgres_busy', '1'],
      [503, 'upstream_unavailable', '5'],
      [504, 'postgres_timeout', undefined],
      [502, 'upstream_bad_response', undefined],
      [400, 'bad_request', undefined],
    ]);
  });

  it('never leaks the message of an unexpected error', () => {
    const problem = toProblem(new Error('password=hunter2 in connection string'));
    expect(problem.status).toBe(500);
    expect(JSON.stringify(problem.body)).not.toContain('hunter2');
  });
});

describe('toProblem, the bodies', () => {
  it('adds retryAfterSeconds to a 503 body and leaves the member out of every other one', () => {
    expect(toProblem(new DependencyBusyError('cpu-pool', 'queue full', 2)).body).toStrictEqual({
      type: 'about:blank',
      title: 'Service Unavailable',
      status: 503,
      detail: 'queue full',
      code: 'cpu_pool_busy',
      retryAfterSeconds: 2,
    });
    // toStrictEqual: a `retryAfterSeconds: undefined` member would fail here, not only on the wire.
    expect(toProblem(new DependencyTimeoutError('upstream', 'too slow', 100)).body).toStrictEqual({
      type: 'about:blank',
      title: 'Gateway Timeout',
      status: 504,
      detail: 'too slow',
      code: 'upstream_timeout',
    });
    expect(toProblem(new DependencyTimeoutError('upstream', 'too slow', 100)).headers).toStrictEqual({});
  });

  it('answers a generic 500 for anything unrecognised, null and undefined included', () => {
    for (const thrown of [new Error('boom'), null, undefined, 'a string', { status: 'teapot' }]) {
      expect(toProblem(thrown)).toStrictEqual({
        status: 500,
        headers: {},
        body: {
          type: 'about:blank',
          title: 'Internal Server Error',
          status: 500,
          detail: 'an unexpected error occurred; it has been logged',
          code: 'internal_error',
        },
      });
    }
  });

  // Express and body-parser mark their client errors with a 4xx `status` and `expose: true`.
  const httpError = (status: unknown, expose: boolean) =>
    Object.assign(new Error(`status ${String(status)}`), { status, expose });

  it('passes through a 4xx error that says it is safe to show, with its own message', () => {
    expect(toProblem(httpError(400, true))).toMatchObject({
      status: 400,
      body: { status: 400, code: 'bad_request', detail: 'status 400' },
    });
    expect(toProblem(httpError(413, true))).toMatchObject({
      status: 413,
      body: { title: 'Payload Too Large', code: 'bad_request', detail: 'status 413' },
    });
    expect(toProblem(httpError(499, true)).status).toBe(499);
  });

  it.each([
    ['not exposed', httpError(400, false)],
    ['below 400', httpError(399, true)],
    ['a 5xx, even if exposed', httpError(500, true)],
    ['a status that is not a number', httpError('400', true)],
  ])('keeps an error with a status %s a generic 500', (_label, error) => {
    const problem = toProblem(error);
    expect([problem.status, problem.body.code, problem.body.detail]).toEqual([
      500,
      'internal_error',
      'an unexpected error occurred; it has been logged',
    ]);
  });
});

describe('problemHandler', () => {
  const boom = new Error('boom');
  const routes: Record<string, unknown> = {
    '/bug': boom,
    '/busy': new DependencyBusyError('postgres', 'pool busy', 1),
    '/bad': new BadRequestError('limit must be an integer'),
    '/slow': new DependencyTimeoutError('upstream', 'too slow', 100),
  };

  async function serve(log?: (error: unknown) => void): Promise<Listening> {
    const app = express();
    for (const [path, error] of Object.entries(routes))
      app.get(path, () => {
        throw error;
      });
    app.get('/partial', (_req, res) => {
      // The status line and part of the body are already on the wire when the failure happens.
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('half an answer');
      throw boom;
    });
    app.use(notFound);
    app.use(problemHandler(log));
    return listen(app);
  }

  it('reports every 5xx to the log, once, and no 4xx', async () => {
    const logged: unknown[] = [];
    const server = await serve((error) => logged.push(error));
    try {
      const statuses: number[] = [];
      for (const path of ['/bad', '/nope', '/bug', '/busy', '/slow'])
        statuses.push((await httpGet(`${server.url}${path}`)).status);
      expect(statuses).toEqual([400, 404, 500, 503, 504]);
      expect(logged).toEqual([boom, routes['/busy'], routes['/slow']]);
    } finally {
      await server.close();
    }
  });

  it('sends the problem body with its Retry-After header', async () => {
    const server = await serve();
    try {
      const answer = await httpGet(`${server.url}/busy`);
      expect(answer.headers['retry-after']).toBe('1');
      expect(answer.headers['content-type']).toBe('application/problem+json; charset=utf-8');
      expect(answer.json).toEqual(toProblem(routes['/busy']).body);
    } finally {
      await server.close();
    }
  });

  it('leaves a failure after the headers were sent to Express, which cuts the connection', async () => {
    const logged: unknown[] = [];
    const server = await serve((error) => logged.push(error));
    try {
      // No status can be chosen any more: the client sees the answer break off, not a second status line.
      await expect(httpGet(`${server.url}/partial`)).rejects.toThrow();
      // The handler handed the error on instead of mapping it (and logging it as one of its own 500s).
      expect(logged).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
