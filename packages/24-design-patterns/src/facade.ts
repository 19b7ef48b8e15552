/** The subsystems a checkout touches, each with its own API and failure modes. */
export interface Inventory {
  reserve(items: readonly OrderItem[]): Promise<{ reservationId: string } | { outOfStock: string[] }>;
  release(reservationId: string): Promise<void>;
  commit(reservationId: string): Promise<void>;
}
export interface Payments {
  charge(
    customerId: string,
    amountCents: number,
    idempotencyKey: string,
  ): Promise<{ ok: true; chargeId: string } | { ok: false; reason: string }>;
}
export interface Orders {
  save(order: {
    customerId: string;
    items: readonly OrderItem[];
    chargeId: string;
    totalCents: number;
  }): Promise<string>;
}
export interface Mailer {
  orderConfirmation(customerId: string, orderId: string): Promise<void>;
}

export interface OrderItem {
  sku: string;
  quantity: number;
  unitCents: number;
}

export type CheckoutResult =
  | { ok: true; orderId: string; totalCents: number; emailed: boolean }
  | { ok: false; reason: 'empty-cart' | 'out-of-stock' | 'payment-declined'; detail: string };

/**
 * Facade: one `placeOrder` for the route handler instead of four services and the rules for calling them in
 * order. The rules are the point: reserve before charging (never charge for stock we do not have), release
 * the reservation when the charge fails, and never fail an order that is paid for because an e-mail bounced.
 * The subsystems stay public; the facade is a convenience, not a wall.
 */
export function checkoutFacade(deps: {
  inventory: Inventory;
  payments: Payments;
  orders: Orders;
  mailer: Mailer;
}) {
  const { inventory, payments, orders, mailer } = deps;
  return {
    async placeOrder(
      customerId: string,
      items: readonly OrderItem[],
      requestId: string,
    ): Promise<CheckoutResult> {
      if (items.length === 0) return { ok: false, reason: 'empty-cart', detail: 'the cart is empty' };
      const totalCents = items.reduce((sum, i) => sum + i.unitCents * i.quantity, 0);
      const reserved = await inventory.reserve(items);
      if ('outOfStock' in reserved)
        return {
          ok: false,
          reason: 'out-of-stock',
          detail: `out of stock: ${reserved.outOfStock.join(', ')}`,
        };
      let charge: Awaited<ReturnType<Payments['charge']>>;
      try {
        // The request id as idempotency key: a client retry of the same checkout is not charged twice.
        charge = await payments.charge(customerId, totalCents, requestId);
      } catch (error) {
        await inventory.release(reserved.reservationId);
        throw error;
      }
      if (!charge.ok) {
        await inventory.release(reserved.reservationId);
        return { ok: false, reason: 'payment-declined', detail: charge.reason };
      }
      await inventory.commit(reserved.reservationId);
      const orderId = await orders.save({ customerId, items, chargeId: charge.chargeId, totalCents });
      const emailed = await mailer.orderConfirmation(customerId, orderId).then(
        () => true,
        () => false,
      );
      return { ok: true, orderId, totalCents, emailed };
    },
  };
}
