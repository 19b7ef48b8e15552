import { describe, expect, it } from 'vitest';
import {
  assertDefined,
  compact,
  email,
  hasKey,
  isStringArray,
  isStringArrayLying,
  orderId,
  shout,
  userId,
} from '../src/index.ts';

describe('type guards', () => {
  it.each([
    [[], true],
    [['a', 'b'], true],
    [['a', 1], false],
    [[1, 'a'], false],
    ['ab', false],
    [null, false],
  ])('isStringArray(%o) = %s', (value, expected) => {
    expect(isStringArray(value)).toBe(expected);
  });

  it('a lying guard lets a number through; the crash comes later, in code that trusted it', () => {
    const fromWire: unknown = ['a', 1];
    expect(isStringArray(fromWire)).toBe(false);
    expect(isStringArrayLying(fromWire)).toBe(true);
    if (isStringArrayLying(fromWire)) expect(() => shout(fromWire)).toThrow(/toUpperCase is not a function/);
    expect(isStringArrayLying([1])).toBe(false);
    expect(isStringArrayLying({ 0: 'a', length: 1 })).toBe(false);
  });

  it('hasKey checks for the key on real objects only', () => {
    expect(hasKey({ id: 1 }, 'id')).toBe(true);
    expect(hasKey({ id: undefined }, 'id')).toBe(true);
    expect(hasKey({}, 'id')).toBe(false);
    expect(hasKey(null, 'id')).toBe(false);
    expect(hasKey('id', 'length')).toBe(false);
  });

  it('compact drops null and undefined but keeps falsy values', () => {
    expect(compact([0, null, '', undefined, false, Number.NaN])).toEqual([0, '', false, Number.NaN]);
  });
});

describe('assertion functions', () => {
  it('return for present values (including falsy ones) and throw for null and undefined', () => {
    expect(() => assertDefined(0, 'count')).not.toThrow();
    expect(() => assertDefined('', 'name')).not.toThrow();
    expect(() => assertDefined(null, 'user')).toThrow(new TypeError('user is required'));
    expect(() => assertDefined(undefined, 'user')).toThrow(TypeError);
  });
});

describe('brand constructors are the only door', () => {
  it('accept positive safe integers and are plain numbers at run time', () => {
    const id = userId(1);
    expect(typeof id).toBe('number');
    expect(id + 1).toBe(2);
    expect(orderId(Number.MAX_SAFE_INTEGER)).toBe(Number.MAX_SAFE_INTEGER);
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])('refuse %d', (bad) => {
    expect(() => userId(bad)).toThrow(new RangeError(`user id must be a positive integer; got ${bad}`));
    expect(() => orderId(bad)).toThrow(/^order id must be/);
  });

  it('email() trims, lower-cases, and refuses what is not an address', () => {
    expect(email('  Ada@Example.COM ')).toBe('ada@example.com');
    for (const bad of ['', 'ada', 'ada@', '@example.com', 'ada@example', 'a da@example.com']) {
      expect(() => email(bad), bad).toThrow(`not an email address: '${bad}'`);
    }
  });
});
