import { describe, expect, it } from 'vitest';
import { checkoutFacade, type Inventory, type Mailer, type OrderItem, type Payments } from '../src/facade.ts';

/** In-memory subsystems (our own interfaces, not a database) that log every call in order. */
function subsystems(
  options: {
    stock?: Record<string, number>;
    decline?: string;
    paymentThrows?: boolean;
    mailFails?: boolean;
  } = {},
) {
  const calls: string[] = [];
  const stock = { coffee: 10, mug: 1, ...options.stock };
  const inventory: Inventory = {
    async reserve(items) {
      calls.push(`reserve ${items.map((i) => `${i.sku}×${i.quantity}`).join(',')}`);
      const short = items
        .filter((i) => (stock[i.sku as keyof typeof stock] ?? 0) < i.quantity)
        .map((i) => i.sku);
      return short.length ? { outOfStock: short } : { reservationId: 'r1' };
    },
    release: async (id) => void calls.push(`release ${id}`),
    commit: async (id) => void calls.push(`commit ${id}`),
  };
  const payments: Payments = {
    async charge(customer, cents, key) {
      calls.push(`charge ${customer} ${cents} key=${key}`);
      if (options.paymentThrows) throw new Error('payment gateway timeout');
      return options.decline ? { ok: false, reason: options.decline } : { ok: true, chargeId: 'ch_1' };
    },
  };
  const mailer: Mailer = {
    async orderConfirmation(customer, order) {
      calls.push(`mail ${customer} ${order}`);
      if (options.mailFails) throw new Error('SMTP 421');
    },
  };
  const orders = {
    save: async (o: { chargeId: string; totalCents: number }) => {
      calls.push(`save ${o.chargeId} ${o.totalCents}`);
      return 'o1';
    },
  };
  return { calls, facade: checkoutFacade({ inventory, payments, orders, mailer }) };
}

const cart: OrderItem[] = [
  { sku: 'coffee', quantity: 2, unitCents: 1200 },
  { sku: 'mug', quantity: 1, unitCents: 800 },
];

describe('facade: one placeOrder over four subsystems', () => {
  it('reserves, charges, commits, saves, mails — in that order', async () => {
    const { calls, facade } = subsystems();
    expect(await facade.placeOrder('c7', cart, 'req-1')).toEqual({
      ok: true,
      orderId: 'o1',
      totalCents: 3200,
      emailed: true,
    });
    expect(calls).toEqual([
      'reserve coffee×2,mug×1',
      'charge c7 3200 key=req-1',
      'commit r1',
      'save ch_1 3200',
      'mail c7 o1',
    ]);
  });

  it('out of stock: nothing is charged', async () => {
    const { calls, facade } = subsystems({ stock: { mug: 0 } });
    expect(await facade.placeOrder('c7', cart, 'req-2')).toEqual({
      ok: false,
      reason: 'out-of-stock',
      detail: 'out of stock: mug',
    });
    expect(calls).toEqual(['reserve coffee×2,mug×1']);
  });

  it('out of stock lists every short sku', async () => {
    const { calls, facade } = subsystems({ stock: { coffee: 1, mug: 0 } });
    expect(await facade.placeOrder('c7', cart, 'req-7')).toEqual({
      ok: false,
      reason: 'out-of-stock',
      detail: 'out of stock: coffee, mug',
    });
    expect(calls).toHaveLength(1);
  });

  it('a declined charge releases the reservation and saves no order', async () => {
    const { calls, facade } = subsystems({ decline: 'card expired' });
    expect(await facade.placeOrder('c7', cart, 'req-3')).toEqual({
      ok: false,
      reason: 'payment-declined',
      detail: 'card expired',
    });
    expect(calls).toEqual(['reserve coffee×2,mug×1', 'charge c7 3200 key=req-3', 'release r1']);
  });

  it('a charge that throws also releases the reservation, then rethrows', async () => {
    const { calls, facade } = subsystems({ paymentThrows: true });
    await expect(facade.placeOrder('c7', cart, 'req-4')).rejects.toThrow('payment gateway timeout');
    expect(calls.at(-1)).toBe('release r1');
  });

  it('a failed confirmation e-mail does not fail a paid order', async () => {
    const { calls, facade } = subsystems({ mailFails: true });
    expect(await facade.placeOrder('c7', cart, 'req-5')).toEqual({
      ok: true,
      orderId: 'o1',
      totalCents: 3200,
      emailed: false,
    });
    expect(calls).toHaveLength(5);
  });

  it('an empty cart touches no subsystem', async () => {
    const { calls, facade } = subsystems();
    expect(await facade.placeOrder('c7', [], 'req-6')).toEqual({
      ok: false,
      reason: 'empty-cart',
      detail: 'the cart is empty',
    });
    expect(calls).toEqual([]);
  });
});
