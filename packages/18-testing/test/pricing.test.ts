import { describe, expect, expectTypeOf, it, test } from 'vitest';
import {
  DISCOUNTS,
  type DiscountCode,
  isDiscountCode,
  priceAfterDiscount,
  UnknownDiscountError,
} from '../src/pricing.ts';

describe('priceAfterDiscount', () => {
  test.each([
    [1000, undefined, 1000],
    [1000, 'WELCOME10', 900],
    [999, 'HALF', 500],
    [998, 'HALF', 499],
    [1, 'HALF', 1],
    [1, 'STAFF', 1],
    [10, 'STAFF', 7],
    [0, 'HALF', 0],
  ])('%i cents with %s → %i', (cents, code, expected) => {
    expect(priceAfterDiscount(cents, code)).toBe(expected);
  });

  it('refuses an unknown code with an error naming it', () => {
    const attempt = () => priceAfterDiscount(1000, 'half');
    expect(attempt).toThrow(UnknownDiscountError);
    expect(attempt).toThrow('unknown discount code "half"');
    expect(new UnknownDiscountError('x')).toMatchObject({ name: 'UnknownDiscountError', code: 'x' });
  });

  it('does not take inherited keys for codes', () => {
    expect(isDiscountCode('toString')).toBe(false);
    expect(() => priceAfterDiscount(1000, 'constructor')).toThrow(UnknownDiscountError);
  });

  test.each([-1, 1.5, Number.NaN, 2 ** 53])('refuses %s cents', (cents) => {
    expect(() => priceAfterDiscount(cents)).toThrow(
      new RangeError(`price must be whole cents ≥ 0, got ${cents}`),
    );
  });

  it('keeps the table of codes (inline snapshot)', () => {
    expect(DISCOUNTS).toMatchInlineSnapshot(`
      {
        "HALF": 50,
        "STAFF": 30,
        "WELCOME10": 10,
      }
    `);
  });

  it('narrows a string to a DiscountCode', () => {
    const code: string = 'HALF';
    if (isDiscountCode(code)) expectTypeOf(code).toEqualTypeOf<DiscountCode>();
    expectTypeOf(priceAfterDiscount).parameters.toEqualTypeOf<[number, (string | undefined)?]>();
    expectTypeOf(new UnknownDiscountError('x').code).toBeString();
  });
});
