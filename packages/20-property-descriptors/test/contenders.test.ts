import { describe, expect, it } from 'vitest';
import { aSquare, Shape } from '../src/_chain-examples.ts';
import {
  AccessorRating,
  DecoratedRating,
  GetterRating,
  PlainRating,
  proxiedRating,
} from '../src/_contenders.ts';

type Rating = { rating: number };

// The bench times reads and writes of `rating` on each contender; the comparison is only fair if every one
// starts from the same value and stores what it is given, and the validating ones refuse the same values.
const all: [string, () => Rating][] = [
  ['plain property', () => new PlainRating()],
  ['getter over #field', () => new GetterRating()],
  ['accessor field', () => new AccessorRating()],
  ['@range accessor', () => new DecoratedRating()],
  ['Proxy traps', () => proxiedRating()],
];
const validating = all.filter(([name]) => !['plain property', 'accessor field'].includes(name));

describe('the bench contenders compute the same answers', () => {
  it.each(all)('%s starts at 3 and stores every in-range value, the bounds included', (_, make) => {
    const r = make();
    expect(r.rating).toBe(3);
    for (const value of [0, 5, 2.5, 4]) {
      r.rating = value;
      expect(r.rating).toBe(value);
    }
  });

  it.each(validating)('%s refuses out-of-range values and NaN, keeping the old value', (_, make) => {
    const r = make();
    r.rating = 4;
    for (const value of [-0.5, -1, 5.5, 6, Number.NaN]) {
      expect(() => {
        r.rating = value;
      }).toThrow(RangeError);
      expect(r.rating).toBe(4);
    }
  });

  it('the unvalidated contenders store out-of-range values: only the cost of a check separates them', () => {
    for (const make of [() => new PlainRating(), () => new AccessorRating()]) {
      const r = make();
      r.rating = 9;
      expect(r.rating).toBe(9);
    }
  });

  it('each validating contender names the rule and the refused value', () => {
    const getter = new GetterRating();
    expect(() => {
      getter.rating = 6;
    }).toThrow('GetterRating.rating must be 0-5, got 6');
    const proxy = proxiedRating();
    expect(() => {
      proxy.rating = -1;
    }).toThrow('rating must be 0-5, got -1');
    const decorated = new DecoratedRating();
    expect(() => {
      decorated.rating = 6;
    }).toThrow('DecoratedRating.rating must be a number from 0 to 5, got 6');
  });

  it('the Proxy stores on its target, one object per call', () => {
    const a = proxiedRating();
    const b = proxiedRating();
    a.rating = 1;
    expect(b.rating).toBe(3);
    expect({ ...a }).toEqual({ rating: 1 });
  });
});

describe('the lookup examples', () => {
  it('Shape answers from its prototype: a method, a getter and a trimmed label', () => {
    const shape = new Shape();
    expect(shape.describe()).toBe('a shape');
    expect(shape.sides).toBe(0);
    expect(shape.label).toBe('shape');
    expect((shape as Shape & { kind: string }).kind).toBe('shape');
  });

  it("Square overrides Shape's getter and inherits the rest", () => {
    const square = aSquare();
    expect(square.sides).toBe(4);
    expect(square.describe()).toBe('a shape');
    expect(square.label).toBe('shape');
  });
});
