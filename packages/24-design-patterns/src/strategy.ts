/** One line of a cart, in integer cents (floats and money do not mix). */
export interface CartLine {
  sku: string;
  unitCents: number;
  quantity: number;
}

/** A pricing strategy is a function: cart in, total in cents out. No interface, no class per strategy. */
export type PricingStrategy = (cart: readonly CartLine[]) => number;

export const listPrice: PricingStrategy = (cart) =>
  cart.reduce((sum, l) => sum + l.unitCents * l.quantity, 0);

/** A strategy factory: the parameter is closed over, as a constructor argument would be stored on `this`. */
export function percentOff(percent: number): PricingStrategy {
  if (!(percent >= 0 && percent <= 100)) throw new RangeError(`percent must be 0-100, got ${percent}`);
  // Round once on the total, not per line, so ten 1-cent items at 15% off do not lose a cent each.
  return (cart) => Math.round((listPrice(cart) * (100 - percent)) / 100);
}

/** Every `groupSize`-th unit of `sku` is free (3-for-2 is groupSize 3). */
export function everyNthFree(sku: string, groupSize: number): PricingStrategy {
  if (!Number.isInteger(groupSize) || groupSize < 2)
    throw new RangeError(`groupSize must be an integer >= 2`);
  return (cart) =>
    cart.reduce((sum, l) => {
      const free = l.sku === sku ? Math.floor(l.quantity / groupSize) : 0;
      return sum + l.unitCents * (l.quantity - free);
    }, 0);
}

/** Strategies compose because they are plain functions: the customer gets the best of several offers. */
export const cheapestOf =
  (...strategies: PricingStrategy[]): PricingStrategy =>
  (cart) =>
    Math.min(...strategies.map((s) => s(cart)));

export type Tier = 'guest' | 'member' | 'vip';

/** Choosing a strategy is a table lookup, decided once per request from data (the customer's tier). */
export const pricingFor: Readonly<Record<Tier, PricingStrategy>> = {
  guest: listPrice,
  member: cheapestOf(percentOff(5), everyNthFree('coffee', 3)),
  vip: cheapestOf(percentOff(15), everyNthFree('coffee', 2)),
};

/** The context: it neither knows nor cares which strategy it got. */
export function checkoutTotal(
  cart: readonly CartLine[],
  strategy: PricingStrategy,
): { totalCents: number; savedCents: number } {
  const totalCents = strategy(cart);
  return { totalCents, savedCents: listPrice(cart) - totalCents };
}
