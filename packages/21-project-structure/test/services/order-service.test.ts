import { describe, expect, it } from 'vitest';
import { ForeignKeyError } from '../../src/repositories/errors.ts';
import { memoryRepositories } from '../../src/repositories/memory.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../src/services/errors.ts';
import { OrderService } from '../../src/services/order-service.ts';

const lines = [
  { sku: 'BOOK-1', quantity: 2, unitPriceCents: 1999 },
  { sku: 'PEN-2', quantity: 1, unitPriceCents: 150 },
];

async function setup() {
  const store = memoryRepositories({ now: () => new Date('2024-01-01T00:00:00Z') });
  const ada = await store.users.insert({ email: 'ada@example.com', name: 'Ada' });
  return { store, ada, orders: new OrderService(store) };
}

describe('OrderService.place', () => {
  it('computes the total in integer cents and stores the order inside one transaction', async () => {
    const { store, ada, orders } = await setup();
    const order = await orders.place(ada.id, { lines });
    expect(order).toEqual({
      id: 1,
      userId: ada.id,
      status: 'placed',
      totalCents: 4148,
      lines,
      createdAt: new Date('2024-01-01T00:00:00Z'),
    });
    expect(store.transactions).toEqual({ started: 1, committed: 1, rolledBack: 0 });
  });

  it('throws NotFound user_not_found for an unknown user and rolls the transaction back', async () => {
    const { store, orders } = await setup();
    const error = await orders.place(99, { lines }).catch((e: unknown) => e);
    expect((error as NotFoundError).code).toBe('user_not_found');
    // Found missing by the check inside the transaction, before any insert: no driver error behind it.
    expect((error as Error).cause).toBeUndefined();
    expect(store.transactions).toEqual({ started: 1, committed: 0, rolledBack: 1 });
    expect(await store.orders.listByUser(99)).toEqual([]);
  });

  it('maps a ForeignKeyError (user deleted meanwhile) to NotFound with the cause kept', async () => {
    const { store, ada } = await setup();
    const cause = new ForeignKeyError('orders_user_id_fkey');
    const failing = Object.assign(Object.create(store.orders), { insert: () => Promise.reject(cause) });
    // The unit of work hands out the failing repository, as a PostgreSQL transaction hands out its own.
    const orders = new OrderService({
      ...store,
      orders: failing,
      inTransaction: (work) => work({ users: store.users, orders: failing }),
    });
    const error = await orders.place(ada.id, { lines }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).code).toBe('user_not_found');
    expect((error as Error).cause).toBe(cause);
  });

  it('answers an id that cannot exist with NotFound naming the right entity, before any query', async () => {
    const { store, orders } = await setup();
    await expect(orders.place(0, { lines })).rejects.toMatchObject({ code: 'user_not_found' });
    await expect(orders.get(0)).rejects.toMatchObject({ code: 'order_not_found' });
    await expect(orders.listForUser(-1)).rejects.toMatchObject({ code: 'user_not_found' });
    await expect(orders.cancel(1.5)).rejects.toMatchObject({ code: 'order_not_found' });
    expect(store.transactions.started).toBe(0);
  });

  it('validates before opening a transaction', async () => {
    const { store, ada, orders } = await setup();
    const error = await orders.place(ada.id, { lines: [] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([
      { path: 'lines', message: 'Too small: expected array to have >=1 items' },
    ]);
    expect(store.transactions.started).toBe(0);
    const nested = await orders
      .place(ada.id, { lines: [{ sku: 'A', quantity: 0, unitPriceCents: 1 }] })
      .catch((e: unknown) => e);
    expect((nested as ValidationError).issues.map((i) => i.path)).toEqual(['lines.0.quantity']);
    // zod's own error stays reachable for logs.
    expect(((nested as Error).cause as { issues: unknown[] }).issues).toHaveLength(1);
  });

  it('passes an unexpected error through unchanged', async () => {
    const { store, ada } = await setup();
    const cause = new Error('connection lost');
    const orders = new OrderService({ ...store, inTransaction: () => Promise.reject(cause) });
    await expect(orders.place(ada.id, { lines })).rejects.toBe(cause);
  });
});

describe('OrderService reads', () => {
  it('get returns the order; an unknown id is order_not_found', async () => {
    const { ada, orders } = await setup();
    const placed = await orders.place(ada.id, { lines });
    expect(await orders.get(placed.id)).toEqual(placed);
    await expect(orders.get(42)).rejects.toMatchObject({
      code: 'order_not_found',
      message: 'no order with id 42',
    });
    await expect(orders.get(0)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("listForUser returns the user's orders newest first; an unknown user is NotFound, not []", async () => {
    const { ada, orders } = await setup();
    const first = await orders.place(ada.id, { lines });
    const second = await orders.place(ada.id, { lines: lines.slice(1) });
    expect((await orders.listForUser(ada.id)).map((o) => o.id)).toEqual([second.id, first.id]);
    await expect(orders.listForUser(99)).rejects.toMatchObject({ code: 'user_not_found' });
    await expect(orders.listForUser(-1)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('OrderService.cancel', () => {
  it('cancels a placed order once; the second time is a ConflictError order_not_cancellable', async () => {
    const { ada, orders } = await setup();
    const placed = await orders.place(ada.id, { lines });
    expect((await orders.cancel(placed.id)).status).toBe('cancelled');
    const error = await orders.cancel(placed.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).code).toBe('order_not_cancellable');
    expect((error as ConflictError).message).toBe(`order ${placed.id} is cancelled, not placed`);
  });

  it('an unknown order is NotFound', async () => {
    const { orders } = await setup();
    await expect(orders.cancel(5)).rejects.toMatchObject({ code: 'order_not_found' });
    await expect(orders.cancel(1.5)).rejects.toBeInstanceOf(NotFoundError);
  });
});
