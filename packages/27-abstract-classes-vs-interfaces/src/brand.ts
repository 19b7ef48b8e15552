/**
 * Branded types: nominal typing on top of TypeScript's structural system. A `UserId` and an `OrderId` are
 * both strings at run time, but the phantom brand makes them different types, so passing one where the
 * other is expected is a compile error. The only way to get one is through its parser, which validates.
 */
import { z } from 'zod';

declare const brand: unique symbol;

/** `T` tagged with a compile-time-only name; the property never exists at run time. */
export type Brand<T, Name extends string> = T & { readonly [brand]: Name };

export type UserId = Brand<string, 'UserId'>;
export type OrderId = Brand<string, 'OrderId'>;

const USER_ID = /^usr_[0-9a-z]{12}$/;
const ORDER_ID = /^ord_[0-9a-z]{12}$/;

/** Thrown for a string that is not an id of the asked kind. */
export class InvalidIdError extends TypeError {
  override readonly name = 'InvalidIdError';
}

// The regexes are anchored and ASCII-only, so NUL, lone surrogates and 10k-character strings all fail
// them; the message shows at most 20 characters, escaped, so a hostile input cannot flood a log.
const describe = (raw: unknown) =>
  typeof raw === 'string' ? JSON.stringify(raw.slice(0, 20)) : `a ${raw === null ? 'null' : typeof raw}`;

export function parseUserId(raw: unknown): UserId {
  if (typeof raw !== 'string' || !USER_ID.test(raw))
    throw new InvalidIdError(`not a user id: ${describe(raw)}`);
  return raw as UserId;
}

export function parseOrderId(raw: unknown): OrderId {
  if (typeof raw !== 'string' || !ORDER_ID.test(raw))
    throw new InvalidIdError(`not an order id: ${describe(raw)}`);
  return raw as OrderId;
}

/** zod brands the same way: the output type carries the brand, and only a parse produces it. */
export const orderIdSchema = z.string().regex(ORDER_ID).brand<'OrderId'>();

export interface Order {
  readonly id: OrderId;
  readonly userId: UserId;
  readonly totalCents: number;
}

/** Looks up one user's orders. Swapping the two ids is the bug brands exist to stop. */
export function ordersOf(orders: readonly Order[], userId: UserId): Order[] {
  return orders.filter((o) => o.userId === userId);
}

export function findOrder(orders: readonly Order[], id: OrderId): Order | undefined {
  return orders.find((o) => o.id === id);
}
