import { describe, expect, it, vi } from 'vitest';
import { inspectArguments, legacySum } from '../src/arguments-object.ts';
import { createLogger, type LogRecord } from '../src/logger.ts';
import { range } from '../src/overloads.ts';
import { formatMessage, labelled, sum } from '../src/rest-parameters.ts';

describe('rest parameters (*args)', () => {
  it('collects any number of arguments into a real array', () => {
    expect(sum()).toBe(0);
    expect(sum(1, 2, 3)).toBe(6);
    const list = [10, 20, 30];
    expect(sum(...list)).toBe(60);
    expect(sum(1, ...list, 2)).toBe(63); // spreads can sit anywhere in a call, and more than once
  });

  it('fills placeholders in order and refuses a mismatched count', () => {
    expect(formatMessage('User {} logged in from {}', 'Alice', 'NYC')).toBe('User Alice logged in from NYC');
    expect(() => formatMessage('User {} logged in from {}', 'Alice')).toThrow(/2 placeholder\(s\) but got 1/);
    expect(() => formatMessage('no placeholders', 'extra')).toThrow(RangeError);
  });

  it('destructures a tuple-typed rest parameter', () => {
    expect(labelled('scores', 3, 5)).toBe('scores: 3, 5');
    expect(labelled('scores')).toBe('scores: (none)');
  });
});

describe('the legacy arguments object', () => {
  it('is array-like but not an array, and arrow functions see the outer one', () => {
    expect(inspectArguments(1, 2, 3)).toEqual({
      isArray: false,
      length: 3,
      hasMap: false,
      arrowSeesOuter: 3,
    });
    expect(legacySum(1, 2, 3, 4)).toBe(10);
  });
});

describe('overloads', () => {
  it('accepts range(stop) and range(start, stop, step)', () => {
    expect(range(4)).toEqual([0, 1, 2, 3]);
    expect(range(2, 5)).toEqual([2, 3, 4]);
    expect(range(10, 0, -3)).toEqual([10, 7, 4, 1]);
    expect(range(3, 3)).toEqual([]);
    expect(range(5, 0, -1)).toEqual([5, 4, 3, 2, 1]); // stop is excluded counting down too
  });

  it('refuses a zero step and non-integers, as Python does', () => {
    expect(() => range(0, 10, 0)).toThrow('range(): step must not be zero');
    expect(() => range(1.5)).toThrow(/stop must be an integer/);
  });
});

describe('a logger with the fields object first (rest must come last)', () => {
  it('supports both call shapes', () => {
    const records: LogRecord[] = [];
    const log = createLogger((record) => records.push(record));
    log('User {} logged in from {}', 'Alice', 'NYC');
    log({ level: 'debug', user: 'alice', region: 'us' }, 'User {} logged in', 'Alice');
    expect(records).toEqual([
      { level: 'info', message: 'User Alice logged in from NYC', fields: {} },
      { level: 'debug', message: 'User Alice logged in', fields: { user: 'alice', region: 'us' } },
    ]);
  });

  it('writes each record as one JSON line to stdout when no sink is given', () => {
    const lines: unknown[][] = [];
    const spy = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
      lines.push(args);
    });
    try {
      createLogger()({ user: 'ada' }, 'hi {}', 'there');
    } finally {
      spy.mockRestore();
    }
    expect(lines).toEqual([['{"level":"info","message":"hi there","fields":{"user":"ada"}}']]);
  });

  it('refuses a fields object without a message', () => {
    const log = createLogger(() => {});
    expect(() => (log as (...args: unknown[]) => LogRecord)({ level: 'info' })).toThrow(
      'the message must be a string',
    );
  });
});
