/**
 * Where `instanceof` stops working: it compares prototype chains with one particular constructor, so a
 * value built by another copy of the class (a second realm such as a `vm` context, or two versions of one
 * package in node_modules) or rebuilt from JSON is not an instance. A structural check does not care.
 */
import { runInNewContext } from 'node:vm';

/** An array and an Error made in a fresh V8 context: same kinds, different constructors. */
export function foreignValues(): { array: unknown; error: unknown } {
  return runInNewContext('({ array: [1, 2, 3], error: new TypeError("from another realm") })') as {
    array: unknown;
    error: unknown;
  };
}

/** Two evaluations of one class declaration, as when a package is installed twice at two versions. */
export function twoCopiesOfAClass(): [
  new (cents: number) => { cents: number },
  new (cents: number) => { cents: number },
] {
  const source = 'class Money { constructor(cents) { this.cents = cents; } }; Money';
  type MoneyClass = new (cents: number) => { cents: number };
  return [runInNewContext(source) as MoneyClass, runInNewContext(source) as MoneyClass];
}

/** Makes `instanceof` structural for one class: `value instanceof Shape` runs `test`. */
export function structuralClass<T>(test: (value: unknown) => value is T): {
  [Symbol.hasInstance](value: unknown): value is T;
} {
  return { [Symbol.hasInstance]: test };
}
