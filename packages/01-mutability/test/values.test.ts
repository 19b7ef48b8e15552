import { describe, expect, it } from 'vitest';
import { attemptIndexWrite, replaceCharAt } from '../src/strings.ts';
import { isPrimitive, kindOf } from '../src/values.ts';

describe('primitives vs objects', () => {
  it('classifies the seven primitives and a few objects', () => {
    for (const value of ['s', 1, 1n, true, Symbol('s'), null, undefined])
      expect(isPrimitive(value)).toBe(true);
    for (const value of [{}, [], () => 1, new Map(), new Date(0)]) expect(isPrimitive(value)).toBe(false);
  });

  it('reports typeof null as "null" and frozen objects as not writable', () => {
    expect(kindOf(null)).toEqual({ typeof: 'null', primitive: true, extensibleOrWritable: false });
    expect(kindOf({})).toEqual({ typeof: 'object', primitive: false, extensibleOrWritable: true });
    expect(kindOf(Object.freeze({})).extensibleOrWritable).toBe(false);
  });

  it('copies a primitive on assignment but shares an object', () => {
    let a = 'hello';
    const b = a;
    a += ' world';
    expect(b).toBe('hello');

    const list = [1, 2, 3];
    const alias = list;
    alias.push(4);
    expect(list).toEqual([1, 2, 3, 4]);
    expect(alias).toBe(list);
  });

  it('compares objects by identity, primitives by value', () => {
    expect('ab' === `a${'b'}`).toBe(true);
    expect([1, 2]).not.toBe([1, 2]);
    expect([1, 2]).toEqual([1, 2]);
  });

  it('const fixes the binding, not the value', () => {
    const user = { name: 'Ada' };
    user.name = 'Grace';
    expect(user.name).toBe('Grace');
  });
});

describe('strings are immutable', () => {
  it('throws a TypeError on an index write in strict mode and leaves the string as it was', () => {
    const attempt = attemptIndexWrite('hello', 0, 'J');
    expect(attempt.error).toBeInstanceOf(TypeError);
    expect(attempt.error?.message).toMatch(/read only property '0'/);
    expect(attempt.after).toBe('hello');
  });

  it('also refuses to add an index beyond the end', () => {
    expect(attemptIndexWrite('hi', 5, '!').error).toBeInstanceOf(TypeError);
  });

  it('replaceCharAt builds a new string and leaves the original alone', () => {
    const original = 'hello';
    const changed = replaceCharAt(original, 0, 'J');
    expect(changed).toBe('Jello');
    expect(original).toBe('hello');
  });

  it('replaceCharAt rejects bad input with a RangeError', () => {
    expect(() => replaceCharAt('abc', 3, 'x')).toThrow(/outside the string/);
    expect(() => replaceCharAt('abc', -1, 'x')).toThrow(RangeError);
    expect(() => replaceCharAt('abc', 0, 'xy')).toThrow(/one UTF-16 code unit/);
  });

  it('string methods return new strings', () => {
    const s = 'abc';
    expect(s.toUpperCase()).toBe('ABC');
    expect(s).toBe('abc');
  });
});
