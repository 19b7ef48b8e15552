import { defineValidated, range, validated } from './validated.ts';

const nonEmpty = (value: string): string | undefined =>
  value.trim().length > 0 ? undefined : 'must not be empty';

/** The seed's Product: every numeric field checks itself on construction and on every later assignment. */
export class Product {
  @validated(nonEmpty) accessor name: string;
  @range(0, Number.MAX_SAFE_INTEGER) accessor price: number;
  @range(0, 10_000) accessor quantity: number;
  @range(0, 5) accessor rating = 0;

  constructor(name: string, price: number, quantity: number) {
    this.name = name;
    this.price = price;
    this.quantity = quantity;
  }
}

/** The same rule on a class written without decorators (what a plain-JavaScript codebase would do). */
export class LegacyProduct {
  declare rating: number;
}
defineValidated(
  LegacyProduct.prototype,
  'rating',
  (value: number) => (value >= 0 && value <= 5 ? undefined : 'must be a number from 0 to 5'),
  0,
);
