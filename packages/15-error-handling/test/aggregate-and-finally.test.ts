import { describe, expect, it } from 'vitest';
import { hasCode, runAll, splitErrors, validateAll } from '../src/aggregate.ts';
import { AppError, NotFoundError, ValidationError } from '../src/app-error.ts';
import {
  finallyRunsAfterReturn,
  returnInFinallyOverridesReturn,
  returnInFinallySwallowsError,
  throwInFinallyReplacesError,
  withElse,
} from '../src/finally.ts';

const signupRules = {
  email: (v: string) => (v.includes('@') ? undefined : 'must contain @'),
  age: (v: number) => (v >= 18 ? undefined : 'must be 18 or over'),
  name: (v: string) => (v.length > 0 ? undefined : 'is required'),
};

describe('AggregateError (ExceptionGroup)', () => {
  it('validateAll reports every broken rule at once, in rule order', () => {
    let caught: unknown;
    try {
      validateAll({ email: 'nope', age: 12, name: 'Ada' }, signupRules);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AggregateError);
    const group = caught as AggregateError;
    expect(group.message).toBe('2 invalid field(s)');
    expect(group.errors.map((e: ValidationError) => e.message)).toEqual([
      'email: must contain @',
      'age: must be 18 or over',
    ]);
    expect(group.errors.every((e: unknown) => e instanceof ValidationError)).toBe(true);
  });

  it('validateAll returns the input when every rule passes', () => {
    const input = { email: 'a@b.c', age: 30, name: 'Ada' };
    expect(validateAll(input, signupRules)).toBe(input);
  });

  it('runAll waits for every task and groups all failures in task order', async () => {
    let finished = 0;
    const task = (outcome: 'ok' | 'fail', label: string) => async () => {
      await new Promise((resolve) => setTimeout(resolve, label === 'a' ? 20 : 1));
      finished++;
      if (outcome === 'fail') throw new Error(label);
      return label;
    };
    await expect(runAll([task('ok', 'x'), task('ok', 'y')])).resolves.toEqual(['x', 'y']);
    const failing = runAll([task('fail', 'a'), task('ok', 'b'), task('fail', 'c')]);
    await expect(failing).rejects.toBeInstanceOf(AggregateError);
    const group = (await failing.catch((e: unknown) => e)) as AggregateError;
    expect(group.errors.map((e: Error) => e.message)).toEqual(['a', 'c']);
    expect(group.message).toBe('2 of 3 tasks failed');
    expect(finished).toBe(5);
  });

  it('splitErrors works like ExceptionGroup.split through nested groups', () => {
    const notFound = new NotFoundError('user', 1);
    const invalid = new ValidationError('bad', 'bad');
    const bug = new TypeError('x is undefined');
    const group = new AggregateError([notFound, new AggregateError([invalid, bug])]);
    expect(splitErrors(group, (e) => e instanceof AppError)).toEqual({
      matched: [notFound, invalid],
      rest: [bug],
    });
    expect(splitErrors(bug, (e) => e instanceof AppError)).toEqual({ matched: [], rest: [bug] });
    expect([hasCode(group, 'bad'), hasCode(group, 'user_not_found'), hasCode(group, 'nope')]).toEqual([
      true,
      true,
      false,
    ]);
  });
});

describe('finally', () => {
  it('runs after the return value is computed, and the value stands', () => {
    const log: string[] = [];
    expect(finallyRunsAfterReturn(log)).toBe('from try');
    expect(log).toEqual(['try', 'finally']);
  });

  it('a return in finally wins over the return in try', () => {
    expect(returnInFinallyOverridesReturn()).toBe('from finally');
  });

  it('a return in finally swallows the exception in flight', () => {
    expect(returnInFinallySwallowsError()).toBe('from finally');
  });

  it('a throw in finally replaces the exception in flight, without linking it as cause', () => {
    let caught: Error | undefined;
    try {
      throwInFinallyReplacesError();
    } catch (error) {
      caught = error as Error;
    }
    expect(caught?.message).toBe('from cleanup');
    expect(caught?.cause).toBeUndefined();
  });

  it('try/except/else/finally: else runs only on success, after finally in JS terms', () => {
    const okLog: string[] = [];
    expect(withElse(() => 6, okLog)).toBe(6);
    expect(okLog).toEqual(['finally', 'else: 6']);
    const failLog: string[] = [];
    expect(
      withElse(() => {
        throw new Error('boom');
      }, failLog),
    ).toBeUndefined();
    expect(failLog).toEqual(['except: boom', 'finally']);
  });
});
