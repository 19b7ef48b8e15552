// A sample suite the demo runs through vitest's Node API (src/suite-runner.ts). It sits outside test/, so
// the repo's own run never picks it up; test/suite-runner.test.ts checks what running it reports.
import { describe, expect, expectTypeOf, it, test } from 'vitest';
import { type DiscountCode, priceAfterDiscount, UnknownDiscountError } from '../src/pricing.ts';

describe('priceAfterDiscount', () => {
  it('leaves the price alone without a code', () => {
    expect(priceAfterDiscount(1999)).toBe(1999);
  });

  // pytest.mark.parametrize: one test per row, the row's values in its name.
  test.each([
    { cents: 1000, code: 'WELCOME10', expected: 900 },
    { cents: 999, code: 'HALF', expected: 500 },
    { cents: 1, code: 'STAFF', expected: 1 },
  ])('$code takes $cents to $expected', ({ cents, code, expected }) => {
    expect(priceAfterDiscount(cents, code)).toBe(expected);
  });

  it('refuses an unknown code (pytest.raises)', () => {
    expect(() => priceAfterDiscount(1000, 'FREE')).toThrow(UnknownDiscountError);
  });

  // pytest's xfail: this test passes only while its body fails.
  it.fails('treats the code case-insensitively (not yet)', () => {
    expect(priceAfterDiscount(1000, 'half')).toBe(500);
  });

  it('keeps a snapshot of every code', () => {
    const table = Object.fromEntries(
      (['WELCOME10', 'HALF', 'STAFF'] as const).map((code) => [code, priceAfterDiscount(10_000, code)]),
    );
    expect(table).toMatchInlineSnapshot(`
      {
        "HALF": 5000,
        "STAFF": 7000,
        "WELCOME10": 9000,
      }
    `);
  });

  it('has the types it promises', () => {
    expectTypeOf(priceAfterDiscount).returns.toEqualTypeOf<number>();
    expectTypeOf<DiscountCode>().toEqualTypeOf<'WELCOME10' | 'HALF' | 'STAFF'>();
  });
});
