/** Minor-unit digits per ISO 4217 currency: cents for USD, none for JPY, fils (3) for BHD. */
const MINOR_DIGITS = { USD: 2, EUR: 2, GBP: 2, JPY: 0, BHD: 3 } as const;

export type Currency = keyof typeof MINOR_DIGITS;

export function isCurrency(code: string): code is Currency {
  return Object.hasOwn(MINOR_DIGITS, code);
}

export function minorDigits(currency: Currency): number {
  return MINOR_DIGITS[currency];
}

/** Thrown when two amounts in different currencies meet: there is no exchange rate in this type. */
export class CurrencyMismatchError extends Error {
  override name = 'CurrencyMismatchError';
  constructor(
    readonly left: Currency,
    readonly right: Currency,
    operation: string,
  ) {
    super(`cannot ${operation} ${left} and ${right}`);
  }
}
