/**
 * O — Open/Closed: add behaviour by adding code, not by editing code that works. The violation is a switch
 * over payment methods in the checkout path: every new provider edits (and risks) it. The fix is a
 * `PaymentProvider` interface and a gateway that looks providers up; a new one is a new class, registered
 * at the composition root.
 */

export interface Charge {
  readonly method: string;
  readonly amountCents: number;
  readonly feeCents: number;
}

/** Largest charge accepted: far below 2^53, so cent arithmetic stays exact. */
export const MAX_AMOUNT_CENTS = 100_000_000;

/** Refuses what no provider should see: non-integers, zero, negatives, NaN, absurd sums. */
export function assertAmount(amountCents: number): void {
  if (!Number.isSafeInteger(amountCents) || amountCents <= 0 || amountCents > MAX_AMOUNT_CENTS)
    throw new RangeError(`amount must be a whole number of cents from 1 to ${MAX_AMOUNT_CENTS}`);
}

const percent = (amountCents: number, basisPoints: number) =>
  Math.round((amountCents * basisPoints) / 10_000);

// ---- The violation -----------------------------------------------------------------------------------

/** Every method is a case here; adding crypto means editing, re-testing and re-deploying this function. */
export function chargeBySwitch(method: string, amountCents: number): Charge {
  assertAmount(amountCents);
  let feeCents: number;
  switch (method) {
    case 'card':
      feeCents = 30 + percent(amountCents, 290);
      break;
    case 'paypal':
      feeCents = 49 + percent(amountCents, 349);
      break;
    default:
      throw new UnsupportedMethodError(method);
  }
  return { method, amountCents, feeCents };
}

// ---- The fix -----------------------------------------------------------------------------------------

export class UnsupportedMethodError extends RangeError {
  override readonly name = 'UnsupportedMethodError';
  constructor(readonly method: string) {
    // JSON.stringify shows a NUL or a 10k-character method as an escaped, visible value in logs.
    super(`unsupported payment method ${JSON.stringify(method.slice(0, 40))}`);
  }
}

/** One payment method. Implementations are added, never edited into a central switch. */
export interface PaymentProvider {
  readonly method: string;
  charge(amountCents: number): Charge;
}

export class CardProvider implements PaymentProvider {
  readonly method = 'card';
  charge(amountCents: number): Charge {
    return { method: this.method, amountCents, feeCents: 30 + percent(amountCents, 290) };
  }
}

export class PayPalProvider implements PaymentProvider {
  readonly method = 'paypal';
  charge(amountCents: number): Charge {
    return { method: this.method, amountCents, feeCents: 49 + percent(amountCents, 349) };
  }
}

/** The method added later: a new file in real life; nothing above changed for it. */
export class CryptoProvider implements PaymentProvider {
  readonly method = 'crypto';
  charge(amountCents: number): Charge {
    return { method: this.method, amountCents, feeCents: percent(amountCents, 100) };
  }
}

/** Routes a charge to its provider; closed for modification, open through `register`. */
export class PaymentGateway {
  readonly #providers = new Map<string, PaymentProvider>();

  constructor(providers: Iterable<PaymentProvider> = []) {
    for (const provider of providers) this.register(provider);
  }

  /** Adds a provider; a second one for the same method is refused rather than silently replacing it. */
  register(provider: PaymentProvider): this {
    if (this.#providers.has(provider.method))
      throw new Error(`a provider for '${provider.method}' is already registered`);
    this.#providers.set(provider.method, provider);
    return this;
  }

  get methods(): string[] {
    return [...this.#providers.keys()];
  }

  charge(method: string, amountCents: number): Charge {
    // Checked before the lookup: a bad amount is the caller's error whatever the method.
    assertAmount(amountCents);
    const provider = this.#providers.get(method);
    if (!provider) throw new UnsupportedMethodError(method);
    return provider.charge(amountCents);
  }
}
