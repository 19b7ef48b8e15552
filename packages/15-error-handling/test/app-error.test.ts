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
      [new ValidationError('age must be >= 0', 'invalid_age'), 'ValidationError', 400, 'invalid_age'],
      [new NotFoundError('user', 42), 'NotFoundError', 404, 'user_not_found'],
      [new ConflictError('email taken', 'email_taken'), 'ConflictError', 409, 'email_taken'],
      [new DependencyError('db down', 'db_unavailable'), 'DependencyError', 503, 'db_unavailable'],
      [new AppError('generic', 'generic'), 'AppError', 500, 'generic'],
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
    const error = new DependencyError('db down', 'db_unavailable', { details: { host: 'db1' }, cause });
    expect(error.cause).toBe(cause);
    expect(error.details).toEqual({ host: 'db1' });
    expect(Object.keys(error)).toEqual(['status', 'code', 'details']);
    expect(new AppError('no cause', 'x')).not.toHaveProperty('cause');
  });

  it('refuses a code that is not snake_case where it is written, not later at the HTTP edge', () => {
    for (const code of ['USER_NOT_FOUND', 'user-not-found', '1st', ''])
      expect(() => new ValidationError('bad', code), code).toThrow(RangeError);
    expect(new NotFoundError('Line Item', 3).code).toBe('line_item_not_found');
  });

  it('NotFoundError builds its message, code and details from the resource', () => {
    const error = new NotFoundError('order', 'A-7', { details: { tenant: 't1' } });
    expect([error.message, error.code]).toEqual(['order A-7 not found', 'order_not_found']);
    expect(error.details).toEqual({ resource: 'order', id: 'A-7', tenant: 't1' });
  });
});

describe('toHttp', () => {
  it('answers an AppError with its status and a problem body with detail and code (and details when any)', () => {
    expect(toHttp(new NotFoundError('user', 7))).toEqual({
      status: 404,
      body: {
        type: 'about:blank',
        title: 'Not Found',
        status: 404,
        detail: 'user 7 not found',
        code: 'user_not_found',
        details: { resource: 'user', id: 7 },
      },
    });
    expect(toHttp(new ValidationError('bad', 'bad'))).toEqual({
      status: 400,
      body: { type: 'about:blank', title: 'Bad Request', status: 400, detail: 'bad', code: 'bad' },
    });
  });

  it('hides the message of anything that is not an AppError behind a generic 500', () => {
    for (const thrown of [
      new TypeError("Cannot read properties of undefined (reading 'id')"),
      'oops',
      null,
    ]) {
      expect(toHttp(thrown)).toEqual({
        status: 500,
        body: {
          type: 'about:blank',
          title: 'Internal Server Error',
          status: 500,
          detail: 'internal error',
          code: 'internal_error',
        },
      });
    }
  });
});
