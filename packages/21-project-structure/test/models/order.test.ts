import { describe, expect, it } from 'vitest';
import {
  MAX_LINES,
  MAX_ORDER_TOTAL_CENTS,
  MAX_QUANTITY,
  MAX_UNIT_PRICE_CENTS,
  NewOrder,
  orderTotalCents,
} from '../../src/models/order.ts';

const line = (overrides: Record<string, unknown> = {}) => ({
  sku: 'BOOK-1',
  quantity: 1,
  unitPriceCents: 1999,
  ...overrides,
});
const issues = (input: unknown) => {
  const result = NewOrder.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('NewOrder', () => {
  it('accepts lines of sku, quantity and integer cents', () => {
    const order = { lines: [line(), line({ sku: 'PEN-2', quantity: 3, unitPriceCents: 150 })] };
    expect(NewOrder.parse(order)).toEqual(order);
  });

  it('needs 1 to MAX_LINES lines', () => {
    expect(issues({ lines: [] })).toEqual(['lines: Too small: expected array to have >=1 items']);
    expect(issues({ lines: Array.from({ length: MAX_LINES }, () => line()) })).toEqual([]);
    expect(issues({ lines: Array.from({ length: MAX_LINES + 1 }, () => line()) })).toEqual([
      'lines: Too big: expected array to have <=50 items',
    ]);
  });

  it('refuses fractional cents, negative prices and quantities outside 1..MAX_QUANTITY', () => {
    expect(issues({ lines: [line({ unitPriceCents: 19.99 })] })).toEqual([
      'lines.0.unitPriceCents: Invalid input: expected int, received number',
    ]);
    expect(issues({ lines: [line({ unitPriceCents: -1 })] })).toHaveLength(1);
    expect(issues({ lines: [line({ unitPriceCents: MAX_UNIT_PRICE_CENTS + 1 })] })).toHaveLength(1);
    expect(issues({ lines: [line({ quantity: 0 })] })).toHaveLength(1);
    expect(issues({ lines: [line({ quantity: MAX_QUANTITY })] })).toEqual([]);
    expect(issues({ lines: [line({ quantity: MAX_QUANTITY + 1 })] })).toHaveLength(1);
  });

  it('refuses a total above MAX_ORDER_TOTAL_CENTS (limit passes, one cent more fails)', () => {
    const exact = [line({ quantity: 100, unitPriceCents: MAX_UNIT_PRICE_CENTS })];
    expect(orderTotalCents(exact)).toBe(MAX_ORDER_TOTAL_CENTS);
    expect(issues({ lines: exact })).toEqual([]);
    expect(issues({ lines: [...exact, line({ unitPriceCents: 1 })] })).toEqual([
      'lines: the order total must not exceed 100000000 cents',
    ]);
  });

  it('refuses a sku with NUL, a lone surrogate, lower case or 10k characters', () => {
    expect(issues({ lines: [line({ sku: 'A\u0000' })] })[0]).toBe(
      'lines.0.sku: must not contain NUL (\\u0000)',
    );
    expect(issues({ lines: [line({ sku: 'A\ud800' })] })).toContain(
      'lines.0.sku: must not contain a lone surrogate',
    );
    expect(issues({ lines: [line({ sku: 'book-1' })] })).toEqual([
      'lines.0.sku: must be upper-case letters, digits and dashes',
    ]);
    expect(issues({ lines: [line({ sku: 'A'.repeat(10_000) })] })).toEqual([
      'lines.0.sku: Too big: expected string to have <=32 characters',
    ]);
  });

  it('refuses extra fields on the order and on a line, and a missing lines field', () => {
    expect(issues({ lines: [line()], userId: 2 })).toEqual([': Unrecognized key: "userId"']);
    expect(issues({ lines: [line({ discount: 5 })] })).toEqual(['lines.0: Unrecognized key: "discount"']);
    expect(issues({})).toEqual(['lines: Invalid input: expected array, received undefined']);
  });
});

describe('orderTotalCents', () => {
  it('sums quantity × unit price exactly in integer cents', () => {
    expect(orderTotalCents([])).toBe(0);
    expect(
      orderTotalCents([line({ quantity: 3, unitPriceCents: 10 }), line({ quantity: 1, unitPriceCents: 20 })]),
    ).toBe(50);
  });
});
