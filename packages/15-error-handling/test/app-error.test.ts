import { describe, expect, it } from 'vitest';
import {
  AppError,
  ConflictError,
  DependencyError,
  NotFoundError,
  toHttp,
  ValidationError,
} from '../src/app-error.ts';

describe('the AppError hierarchy', () => {
  it('each subclass is an AppError and an Error, with its own name, status and code', () => {
    const cases = [
      [new ValidationError('age must be >= 0', 'INVALID_AGE'), 'ValidationError', 400, 'INVALID_AGE'],
      [new NotFoundError('user', 42), 'NotFoundError', 404, 'USER_NOT_FOUND'],
      [new ConflictError('email taken', 'EMAIL_TAKEN'), 'ConflictError', 409, 'EMAIL_TAKEN'],
      [new DependencyError('db down', 'DB_UNAVAILABLE'), 'DependencyError', 503, 'DB_UNAVAILABLE'],
      [new AppError('generic', 'GENERIC'), 'AppError', 500, 'GENERIC'],
    ] as const;
    for (const [error, name, status, code] of cases) {
      expect(error).toBeInstanceOf(AppError);
      expect(error).toBeInstanceOf(Error);
      expect([error.name, error.status, error.code]).toEqual([name, status, code]);
      expect(String(error.stack).split('\n')[0]).toBe(`${name}: ${error.message}`);
    }
  });

  it('keeps details and cause, and cause is non-enumerable like the built-in one', () => {
    const cause = new Error('socket hang up');
    const error = new DependencyError('db down', 'DB_UNAVAILABLE', { details: { host: 'db1' }, cause });
    expect(error.cause).toBe(cause);
    expect(error.details).toEqual({ host: 'db1' });
    expect(Object.keys(error)).toEqual(['status', 'code', 'details']);
    expect(new AppError('no cause', 'X')).not.toHaveProperty('cause');
  });

  it('NotFoundError builds its message, code and details from the resource', () => {
    const error = new NotFoundError('order', 'A-7', { details: { tenant: 't1' } });
    expect([error.message, error.code]).toEqual(['order A-7 not found', 'ORDER_NOT_FOUND']);
    expect(error.details).toEqual({ resource: 'order', id: 'A-7', tenant: 't1' });
  });
});

describe('toHttp', () => {
  it('answers an AppError with its status and a body with detail and code (and details when any)', () => {
    expect(toHttp(new NotFoundError('user', 7))).toEqual({
      status: 404,
      body: { detail: 'user 7 not found', code: 'USER_NOT_FOUND', details: { resource: 'user', id: 7 } },
    });
    expect(toHttp(new ValidationError('bad', 'BAD'))).toEqual({
      status: 400,
      body: { detail: 'bad', code: 'BAD' },
    });
  });

  it('hides the message of anything that is not an AppError behind a generic 500', () => {
    for (const thrown of [
      new TypeError("Cannot read properties of undefined (reading 'id')"),
      'oops',
      null,
    ]) {
      expect(toHttp(thrown)).toEqual({ status: 500, body: { detail: 'internal error', code: 'INTERNAL' } });
    }
  });
});
