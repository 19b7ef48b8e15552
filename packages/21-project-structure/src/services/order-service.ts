import { NewOrder, type Order, orderTotalCents } from '../models/order.ts';
import { ForeignKeyError } from '../repositories/errors.ts';
import type { OrderRepository, RunInTransaction, UserRepository } from '../repositories/types.ts';
import { requireId, validate } from './_validate.ts';
import { ConflictError, NotFoundError } from './errors.ts';

export interface OrderServiceDeps {
  users: UserRepository;
  orders: OrderRepository;
  /** Placing an order writes two tables: both or neither. */
  inTransaction: RunInTransaction;
}

/** Placing, reading, listing and cancelling orders. */
export class OrderService {
  constructor(private readonly deps: OrderServiceDeps) {}

  async place(userId: number, input: unknown): Promise<Order> {
    requireId('user', userId);
    const { lines } = validate(NewOrder, input);
    try {
      return await this.deps.inTransaction(async ({ users, orders }) => {
        if (!(await users.findById(userId))) throw new NotFoundError('user', userId);
        return orders.insert({ userId, lines, totalCents: orderTotalCents(lines) });
      });
    } catch (error) {
      // The user can vanish between the check and the insert (another transaction): the FK still says no.
      if (error instanceof ForeignKeyError) throw new NotFoundError('user', userId, { cause: error });
      throw error;
    }
  }

  async get(id: number): Promise<Order> {
    requireId('order', id);
    const order = await this.deps.orders.findById(id);
    if (!order) throw new NotFoundError('order', id);
    return order;
  }

  /** The user's orders, newest first; an unknown user is NotFound (not an empty list, which would hide a typo). */
  async listForUser(userId: number): Promise<Order[]> {
    requireId('user', userId);
    if (!(await this.deps.users.findById(userId))) throw new NotFoundError('user', userId);
    return this.deps.orders.listByUser(userId);
  }

  /** Cancels a placed order; cancelling it again is a ConflictError, an unknown id NotFound. */
  async cancel(id: number): Promise<Order> {
    requireId('order', id);
    const cancelled = await this.deps.orders.updateStatus(id, 'placed', 'cancelled');
    if (cancelled) return cancelled;
    const order = await this.deps.orders.findById(id);
    if (!order) throw new NotFoundError('order', id);
    throw new ConflictError('order_not_cancellable', `order ${id} is ${order.status}, not placed`);
  }
}
