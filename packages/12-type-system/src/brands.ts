/**
 * Branded types: a nominal tag on a structural type (Python's `NewType('UserId', int)`). The brand exists
 * only for the compiler — at run time a `UserId` is a plain number — so the one way to make one is a
 * function that checks the value first.
 */

import { EMAIL } from './_patterns.ts';

declare const brand: unique symbol;

/** `T` tagged with `Name`; the tag is a property no run-time value ever has. */
export type Brand<T, Name extends string> = T & { readonly [brand]: Name };

export type UserId = Brand<number, 'UserId'>;
export type OrderId = Brand<number, 'OrderId'>;
export type Email = Brand<string, 'Email'>;

const positiveInt = (value: number, what: string): number => {
  if (!Number.isSafeInteger(value) || value < 1)
    throw new RangeError(`${what} must be a positive integer; got ${value}`);
  return value;
};

/** The only door into `UserId`: a positive safe integer, or a RangeError. */
export const userId = (value: number): UserId => positiveInt(value, 'user id') as UserId;

export const orderId = (value: number): OrderId => positiveInt(value, 'order id') as OrderId;

/** A checked, lower-cased email; once branded, no code downstream re-validates or re-normalises it. */
export function email(text: string): Email {
  const normalised = text.trim().toLowerCase();
  if (!EMAIL.test(normalised)) throw new RangeError(`not an email address: '${text}'`);
  return normalised as Email;
}

/** Takes an order id; passing a user id (also a number) is a compile error. */
export function cancelOrder(id: OrderId, by: UserId): string {
  return `order ${id} cancelled by user ${by}`;
}
