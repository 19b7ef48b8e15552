import { describe, expect, it } from 'vitest';
import {
  BadRequestError,
  DependencyBusyError,
  DependencyTimeoutError,
  DependencyUnavailableError,
  UpstreamBadResponseError,
} from '../src/index.ts';

describe('typed dependency errors', () => {
  it('name themselves, so a log line or a stack trace says which failure it was', () => {
    const errors = [
      new DependencyBusyError('postgres', 'busy'),
      new DependencyTimeoutError('upstream', 'slow', 100),
      new DependencyUnavailableError('cpu-pool', 'gone'),
      new UpstreamBadResponseError('garbage', 502),
      new BadRequestError('bad'),
    ];
    expect(errors.map((e) => e.name)).toEqual([
      'DependencyBusyError',
      'DependencyTimeoutError',
      'DependencyUnavailableError',
      'UpstreamBadResponseError',
      'BadRequestError',
    ]);
    expect(errors.every((e) => e instanceof Error)).toBe(true);
    expect(String(errors[0])).toBe('DependencyBusyError: busy');
  });

  it('ask for a short retry when busy and a longer one when unavailable, unless told otherwise', () => {
    expect(new DependencyBusyError('postgres', 'busy').retryAfterSeconds).toBe(1);
    expect(new DependencyUnavailableError('postgres', 'gone').retryAfterSeconds).toBe(5);
    expect(new DependencyBusyError('cpu-pool', 'busy', 7).retryAfterSeconds).toBe(7);
  });

  it('keep the dependency, the deadline, the upstream status and the cause they were given', () => {
    const cause = new Error('socket hang up');
    const timeout = new DependencyTimeoutError('upstream', 'slow', 250, { cause });
    expect([timeout.dependency, timeout.timeoutMs, timeout.message, timeout.cause]).toEqual([
      'upstream',
      250,
      'slow',
      cause,
    ]);
    const bad = new UpstreamBadResponseError('upstream answered 503', 503);
    expect(bad.upstreamStatus).toBe(503);
  });
});
