import type { Order, OrderStatus } from '../models/order.ts';
import type { NewUser, User } from '../models/user.ts';
import { DuplicateKeyError, ForeignKeyError } from './errors.ts';
import type {
  NewOrderRow,
  OrderRepository,
  Repositories,
  RunInTransaction,
  UserRepository,
} from './types.ts';

interface Tables {
  users: Map<number, User>;
  orders: Map<number, Order>;
  nextUserId: number;
  nextOrderId: number;
}

const copyOrder = (order: Order): Order => ({ ...order, lines: order.lines.map((line) => ({ ...line })) });

class MemoryUserRepository implements UserRepository {
  constructor(
    private readonly tables: Tables,
    private readonly now: () => Date,
  ) {}

  async insert(user: NewUser): Promise<User> {
    for (const existing of this.tables.users.values())
      if (existing.email === user.email) throw new DuplicateKeyError('users_email_key');
    const stored: User = { id: this.tables.nextUserId++, ...user, createdAt: this.now() };
    this.tables.users.set(stored.id, stored);
    return { ...stored };
  }

  async findById(id: number): Promise<User | undefined> {
    const user = this.tables.users.get(id);
    return user && { ...user };
  }
}

class MemoryOrderRepository implements OrderRepository {
  constructor(
    private readonly tables: Tables,
    private readonly now: () => Date,
  ) {}

  async insert(order: NewOrderRow): Promise<Order> {
    if (!this.tables.users.has(order.userId)) throw new ForeignKeyError('orders_user_id_fkey');
    const stored: Order = {
      id: this.tables.nextOrderId++,
      userId: order.userId,
      status: 'placed',
      totalCents: order.totalCents,
      lines: order.lines.map((line) => ({ ...line })),
      createdAt: this.now(),
    };
    this.tables.orders.set(stored.id, stored);
    return copyOrder(stored);
  }

  async findById(id: number): Promise<Order | undefined> {
    const order = this.tables.orders.get(id);
    return order && copyOrder(order);
  }

  async listByUser(userId: number): Promise<Order[]> {
    return [...this.tables.orders.values()]
      .filter((order) => order.userId === userId)
      .sort((a, b) => b.id - a.id)
      .map(copyOrder);
  }

  async updateStatus(id: number, from: OrderStatus, to: OrderStatus): Promise<Order | undefined> {
    const order = this.tables.orders.get(id);
    if (order?.status !== from) return undefined;
    order.status = to;
    return copyOrder(order);
  }
}

export interface MemoryStore extends Repositories {
  /** Runs work against the same maps; a rejection restores them as they were (no isolation between concurrent units). */
  inTransaction: RunInTransaction;
  /** Units of work started, committed and rolled back: what a service test counts. */
  readonly transactions: { started: number; committed: number; rolledBack: number };
}

/**
 * The repository interfaces over two Maps: what the service tests run on (the layering's payoff — the
 * business rules are tested without a database) and what a demo can use when none is running.
 */
export function memoryRepositories(options: { now?: () => Date } = {}): MemoryStore {
  const now = options.now ?? (() => new Date());
  const tables: Tables = { users: new Map(), orders: new Map(), nextUserId: 1, nextOrderId: 1 };
  const repositories: Repositories = {
    users: new MemoryUserRepository(tables, now),
    orders: new MemoryOrderRepository(tables, now),
  };
  const transactions = { started: 0, committed: 0, rolledBack: 0 };
  const inTransaction: RunInTransaction = async (work) => {
    transactions.started++;
    const users = new Map([...tables.users].map(([id, user]) => [id, { ...user }]));
    const orders = new Map([...tables.orders].map(([id, order]) => [id, copyOrder(order)]));
    try {
      const result = await work(repositories);
      transactions.committed++;
      return result;
    } catch (error) {
      // Ids are not handed back, as in PostgreSQL: a sequence is never rolled back.
      Object.assign(tables, { users, orders });
      transactions.rolledBack++;
      throw error;
    }
  };
  return { ...repositories, inTransaction, transactions };
}
