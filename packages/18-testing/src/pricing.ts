/** Discount codes and what they take off, in percent. */
export const DISCOUNTS = { WELCOME10: 10, HALF: 50, STAFF: 30 } as const;

export type DiscountCode = keyof typeof DISCOUNTS;

/** An unknown code is the caller's mistake, not a zero discount: it throws, so a typo never goes unseen. */
export class UnknownDiscountError extends Error {
  override name = 'UnknownDiscountError';
  constructor(readonly code: string) {
    super(`unknown discount code "${code}"`);
  }
}

export function isDiscountCode(code: string): code is DiscountCode {
  return Object.hasOwn(DISCOUNTS, code);
}

/**
 * A price in integer cents after an optional discount code, rounded half up to the cent. Cents, not
 * floating-point euros, so 0.1 + 0.2 never shows up on an invoice.
 */
export function priceAfterDiscount(cents: number, code?: string): number {
  if (!Number.isSafeInteger(cents) || cents < 0)
    throw new RangeError(`price must be whole cents ≥ 0, got ${cents}`);
  if (code === undefined) return cents;
  if (!isDiscountCode(code)) throw new UnknownDiscountError(code);
  return Math.round((cents * (100 - DISCOUNTS[code])) / 100);
}
