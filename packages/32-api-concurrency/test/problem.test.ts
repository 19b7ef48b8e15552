import { describe, expect, it } from 'vitest';
import {
  BadRequestError,
  classifyPgError,
  DEFAULT_DB_LIMITS,
  DependencyBusyError,
  DependencyTimeoutError,
  DependencyUnavailableError,
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
