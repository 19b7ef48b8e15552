import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { envBoolean, envInt, envList, envPort } from '../src/coerce.ts';

describe('the boolean trap', () => {
  it.each(['false', '0', 'no', 'off'])('Boolean(%j) and z.coerce.boolean() both say true', (word) => {
    expect(Boolean(word)).toBe(true);
    expect(z.coerce.boolean().parse(word)).toBe(true);
  });

  it('only the empty string is false to Boolean()', () => {
    expect(Boolean('')).toBe(false);
    expect(z.coerce.boolean().parse('')).toBe(false);
  });

  it.each([
    ['true', true],
    ['1', true],
    ['yes', true],
    ['on', true],
    [' TRUE ', true],
    ['Yes', true],
    ['false', false],
    ['0', false],
    ['no', false],
    ['OFF', false],
  ])('envBoolean reads %j as %s', (raw, expected) => {
    expect(envBoolean().parse(raw)).toBe(expected);
  });

  it.each(['', 'maybe', 'ture', '2', 'y'])('envBoolean refuses %j instead of guessing', (raw) => {
    const result = envBoolean().safeParse(raw);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('expected one of true/1/yes/on/false/0/no/off');
  });

  it("agrees with zod's own z.stringbool() on every word both accept", () => {
    for (const word of ['true', '1', 'yes', 'on', 'false', '0', 'no', 'off']) {
      expect(envBoolean().parse(word)).toBe(z.stringbool().parse(word));
    }
  });
});

describe('the number trap', () => {
  it.each([
    ['', 0],
    [' ', 0],
    ['0x1F', 31],
    ['1e3', 1000],
    ['3.5', 3.5],
  ])('z.coerce.number() turns %j into %s', (raw, expected) => {
    expect(z.coerce.number().parse(raw)).toBe(expected);
  });

  it.each(['', ' ', '0x1F', '1e3', '3.5', 'Infinity', '12abc', '--1'])('envInt refuses %j', (raw) => {
    expect(envInt().safeParse(raw).success).toBe(false);
  });

  it.each([
    ['42', 42],
    [' 7 ', 7],
    ['-3', -3],
    ['007', 7],
  ])('envInt reads %j as %d', (raw, expected) => {
    expect(envInt().parse(raw)).toBe(expected);
  });

  it('enforces both bounds, inclusive, with one message', () => {
    const pool = envInt({ min: 1, max: 100 });
    expect(pool.safeParse('0').error?.issues[0]?.message).toBe('expected an integer from 1 to 100');
    expect(pool.parse('1')).toBe(1);
    expect(pool.parse('100')).toBe(100);
    expect(pool.safeParse('101').error?.issues[0]?.message).toBe('expected an integer from 1 to 100');
  });

  it('envPort is 1-65535', () => {
    expect(envPort().safeParse('0').success).toBe(false);
    expect(envPort().parse('65535')).toBe(65_535);
    expect(envPort().safeParse('65536').success).toBe(false);
  });
});

describe('envList', () => {
  it.each([
    ['a,b', ['a', 'b']],
    [' a , b ', ['a', 'b']],
    ['a,,b,', ['a', 'b']],
    ['', []],
    ['solo', ['solo']],
  ])('%j → %j', (raw, expected) => {
    expect(envList().parse(raw)).toEqual(expected);
  });
});
