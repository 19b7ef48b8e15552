import { describe, expect, it } from 'vitest';
import {
  area,
  assertNever,
  describe as describeValue,
  findUser,
  greeting,
  type Shape,
} from '../src/index.ts';

describe('area over a discriminated union', () => {
  it.each<[Shape, number]>([
    [{ kind: 'circle', radius: 2 }, Math.PI * 4],
    [{ kind: 'rect', width: 3, height: 4 }, 12],
    [{ kind: 'triangle', base: 3, height: 4 }, 6],
  ])('%o → %d', (shape, expected) => {
    expect(area(shape)).toBeCloseTo(expected, 10);
  });

  it('a kind the types never heard of (from JSON) reaches assertNever and throws, naming it', () => {
    const fromWire = JSON.parse('{"kind":"hexagon","side":1}') as Shape;
    expect(() => area(fromWire)).toThrow(new TypeError('unexpected shape kind: {"kind":"hexagon","side":1}'));
  });

  it('assertNever names what it was given', () => {
    expect(() => assertNever('x' as never)).toThrow('unexpected value: "x"');
  });
});

describe('typeof / instanceof / null narrowing', () => {
  it.each([
    [null, 'nothing'],
    [undefined, 'nothing'],
    ['', 'text of 0 characters'],
    ['abc', 'text of 3 characters'],
    [0, 'integer 0'],
    [2.5, 'number 2.5'],
    [new Date(Date.UTC(2024, 1, 29)), 'date 2024-02-29'],
  ])('describe(%o) = %s', (value, expected) => {
    expect(describeValue(value)).toBe(expected);
  });
});

describe('User | undefined', () => {
  const users = [
    { id: 1, name: 'ada', email: null },
    { id: 2, name: 'linus', email: 'l@example.com' },
  ];
  it('finds by id or says so', () => {
    expect(findUser(users, 2)?.name).toBe('linus');
    expect(findUser(users, 3)).toBeUndefined();
    expect(greeting(users, 1)).toBe('hello, ada');
    expect(greeting(users, 9)).toBe('no user 9');
  });
});
