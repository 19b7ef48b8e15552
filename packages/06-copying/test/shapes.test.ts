import { describe, expect, it } from 'vitest';
import { flatSmall, nestedOrder, wideNumbers, wideRecords } from '../src/_shapes.ts';
import { jsonRoundTrip } from '../src/deep.ts';
import { describeLosses, sharedReferences } from '../src/inspect.ts';

/** Every object reachable from `value`, itself included: what a deep copy has to allocate. */
const objectCount = (value: unknown): number => sharedReferences(value, value).length;

const isPrimitive = (value: unknown): boolean => value === null || typeof value !== 'object';

describe('the shapes the copy benchmarks copy are what their titles say', () => {
  it('a small flat record: eight primitive fields', () => {
    const record = flatSmall();
    expect(Object.keys(record)).toHaveLength(8);
    expect(Object.values(record).every(isPrimitive)).toBe(true);
  });

  it('a nested order: a customer with an address, 20 line items, about 90 objects in all', () => {
    const order = nestedOrder();
    expect(order.items).toHaveLength(20);
    expect(order.customer.address).toBeTypeOf('object');
    expect(order.items.every((item) => typeof item.product.dims === 'object')).toBe(true);
    // The root, customer, address, items, totals, and per item the item, product, dims and tags.
    expect(objectCount(order)).toBe(85);
  });

  it('a wide array of 10,000 numbers', () => {
    const numbers = wideNumbers();
    expect(numbers).toHaveLength(10_000);
    expect(numbers.every((n) => typeof n === 'number')).toBe(true);
  });

  it('a wide array of small flat records, 1,000 unless told how many', () => {
    expect(wideRecords()).toHaveLength(1_000);
    const records = wideRecords(10);
    expect(records).toHaveLength(10);
    for (const record of records)
      expect(Object.values(record).map(isPrimitive)).toEqual([true, true, true, true]);
  });

  it('each is JSON-safe, so every copy method can copy it, and each call builds a new value', () => {
    for (const make of [flatSmall, nestedOrder, wideNumbers, () => wideRecords(10)]) {
      const value = make();
      expect(jsonRoundTrip(value)).toEqual(value);
      expect(describeLosses(value, jsonRoundTrip(value))).toEqual([]);
      expect(make()).not.toBe(value);
    }
  });
});
