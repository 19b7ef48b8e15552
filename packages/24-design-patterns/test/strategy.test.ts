import { describe, expect, it } from 'vitest';
import {
  type CartLine,
  cheapestOf,
  checkoutTotal,
  everyNthFree,
  listPrice,
  percentOff,
  pricingFor,
} from '../src/strategy.ts';

const cart: CartLine[] = [
  { sku: 'coffee', unitCents: 1000, quantity: 4 },
  { sku: 'mug', unitCents: 550, quantity: 1 },
];

describe('strategy: pricing functions', () => {
  it('list price sums lines in cents', () => {
    expect(listPrice(cart)).toBe(4550);
    expect(listPrice([])).toBe(0);
  });

  it('percent off rounds once, on the total', () => {
    expect(percentOff(15)(cart)).toBe(3868); // 3867.5 → 3868
    expect(percentOff(0)(cart)).toBe(4550);
    expect(percentOff(100)(cart)).toBe(0);
    const pennies = Array.from({ length: 10 }, (_, i) => ({ sku: `p${i}`, unitCents: 1, quantity: 1 }));
    expect(percentOff(15)(pennies)).toBe(9); // per line it would be 10 × round(0.85) = 10
  });

  it('percent must be 0-100', () => {
    for (const bad of [-1, 101, Number.NaN])
      expect(() => percentOff(bad)).toThrow(new RangeError(`percent must be 0-100, got ${bad}`));
  });

  it('every nth unit free applies to its sku only, per full group', () => {
    expect(everyNthFree('coffee', 3)(cart)).toBe(3550); // 4 coffees: 1 free
    expect(everyNthFree('coffee', 2)(cart)).toBe(2550); // 2 free
    expect(everyNthFree('coffee', 5)(cart)).toBe(4550); // no full group
    expect(everyNthFree('tea', 2)(cart)).toBe(4550);
    for (const bad of [1, 0, 2.5, Number.NaN])
      expect(() => everyNthFree('coffee', bad)).toThrow(new RangeError('groupSize must be an integer >= 2'));
  });

  it('cheapestOf composes strategies and picks the lowest total', () => {
    expect(cheapestOf(percentOff(5), everyNthFree('coffee', 3))(cart)).toBe(3550);
    expect(cheapestOf(percentOff(50), everyNthFree('coffee', 3))(cart)).toBe(2275);
  });

  it('the tier picks the strategy; the checkout is the same code for all', () => {
    expect(checkoutTotal(cart, pricingFor.guest)).toEqual({ totalCents: 4550, savedCents: 0 });
    expect(checkoutTotal(cart, pricingFor.member)).toEqual({ totalCents: 3550, savedCents: 1000 });
    expect(checkoutTotal(cart, pricingFor.vip)).toEqual({ totalCents: 2550, savedCents: 2000 });
    const noCoffee = [{ sku: 'mug', unitCents: 1000, quantity: 2 }];
    expect(checkoutTotal(noCoffee, pricingFor.member).totalCents).toBe(1900);
    expect(checkoutTotal(noCoffee, pricingFor.vip).totalCents).toBe(1700);
  });
});
