import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import {
  findOrder,
  InvalidIdError,
  type Order,
  type OrderId,
  orderIdSchema,
  ordersOf,
  parseOrderId,
  parseUserId,
  type UserId,
} from '../src/brand.ts';

const userId = parseUserId('usr_0000000000a1');
const orderId = parseOrderId('ord_0000000000b2');
const orders: Order[] = [{ id: orderId, userId, totalCents: 1_250 }];

describe('branded ids: nominal at compile time', () => {
  it('UserId and OrderId are different types, both strings underneath', () => {
    expectTypeOf<UserId>().not.toEqualTypeOf<OrderId>();
    expectTypeOf<UserId>().not.toExtend<OrderId>();
    expectTypeOf<UserId>().toExtend<string>();
    expectTypeOf<string>().not.toExtend<UserId>();
  });

  it('swapping the ids, or passing a raw string, does not compile', () => {
    // @ts-expect-error — a UserId is not an OrderId
    const swapped = findOrder(orders, userId);
    // @ts-expect-error — a plain string has no brand: it must go through parseOrderId
    const raw = findOrder(orders, 'ord_0000000000b2');
    // At run time both are strings; the swap silently finds nothing, the raw string happens to work.
    expect([swapped, raw]).toEqual([undefined, orders[0]]);
    expect(findOrder(orders, orderId)).toBe(orders[0]);
    expect(ordersOf(orders, userId)).toEqual(orders);
  });

  it('at run time a brand is erased: the value is the very string', () => {
    expect(typeof userId).toBe('string');
    expect(userId).toBe('usr_0000000000a1');
    expect(Object.getOwnPropertySymbols(Object(userId))).toEqual([]);
  });

  it('zod brands the output type the same way', () => {
    const parsed = orderIdSchema.parse('ord_0000000000b2');
    expectTypeOf(parsed).not.toEqualTypeOf<string>();
    expectTypeOf(parsed).toExtend<string>();
    expectTypeOf<z.input<typeof orderIdSchema>>().toEqualTypeOf<string>();
    expect(parsed).toBe('ord_0000000000b2');
    expect(orderIdSchema.safeParse('usr_0000000000a1').success).toBe(false);
  });
});

describe('the only way in is the parser, which validates', () => {
  it('accepts the exact format and refuses the other kind of id', () => {
    expect(parseOrderId('ord_abcdefghijkl')).toBe('ord_abcdefghijkl');
    expect(() => parseOrderId('usr_0000000000a1')).toThrow(
      new InvalidIdError('not an order id: "usr_0000000000a1"'),
    );
    expect(() => parseUserId('ord_0000000000b2')).toThrow(
      new InvalidIdError('not a user id: "ord_0000000000b2"'),
    );
  });

  it('refuses one character short, one too long, capitals, and anything around the pattern', () => {
    for (const bad of [
      'usr_00000000000',
      'usr_0000000000000',
      'usr_00000000000A',
      ' usr_0000000000a1',
      'usr_!!!!!!!!!!!!',
    ])
      expect(() => parseUserId(bad), bad).toThrow(InvalidIdError);
    for (const bad of [
      'ord_00000000000',
      'ord_0000000000000',
      'xord_0000000000b2',
      'ord_0000000000b2 ',
      'ord_------------',
    ])
      expect(() => parseOrderId(bad), bad).toThrow(InvalidIdError);
    expect(parseOrderId('ord_zzzzzzzzzzzz')).toBe('ord_zzzzzzzzzzzz');
  });

  it('the errors carry their own name', () => {
    expect(new InvalidIdError('x').name).toBe('InvalidIdError');
    expect(new InvalidIdError('x')).toBeInstanceOf(TypeError);
  });

  it('ordersOf keeps only that user’s orders, and findOrder finds nothing for an unknown id', () => {
    const other = parseUserId('usr_0000000000z9');
    const more: Order[] = [...orders, { id: parseOrderId('ord_0000000000c3'), userId: other, totalCents: 1 }];
    expect(ordersOf(more, other).map((o) => o.totalCents)).toEqual([1]);
    expect(ordersOf(more, userId).map((o) => o.totalCents)).toEqual([1_250]);
    expect(findOrder(more, parseOrderId('ord_000000000404'))).toBeUndefined();
  });

  it('refuses NUL', () => {
    expect(() => parseUserId('usr_0000000000a\u0000')).toThrow('not a user id: "usr_0000000000a\\u0000"');
  });

  it('refuses a lone surrogate', () => {
    expect(() => parseUserId('usr_0000000000a\ud800')).toThrow('not a user id: "usr_0000000000a\\ud800"');
  });

  it('refuses 10k characters, quoting only the first 20', () => {
    expect(() => parseOrderId(`ord_${'a'.repeat(10_000)}`)).toThrow(
      `not an order id: "ord_${'a'.repeat(16)}"`,
    );
  });

  it('refuses wrong types, naming the kind', () => {
    expect(() => parseUserId(42)).toThrow('not a user id: a number');
    expect(() => parseUserId(null)).toThrow('not a user id: a null');
    expect(() => parseOrderId(undefined)).toThrow('not an order id: a undefined');
    expect(() => parseOrderId({ id: 'ord_0000000000b2' })).toThrow('not an order id: a object');
  });
});
