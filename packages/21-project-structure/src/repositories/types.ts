import type { Order, OrderLine, OrderStatus } from '../models/order.ts';
import type { NewUser, User } from '../models/user.ts';

/** What the services need from user storage; PostgreSQL is one implementation, an in-memory map another. */
export interface UserRepository {
  /** Stores a validated user; a taken email rejects with `DuplicateKeyError('users_email_key')`. */
  insert(user: NewUser): Promise<User>;
  findById(id: number): Promise<User | undefined>;
}

export interface NewOrderRow {
  userId: number;
  totalCents: number;
  lines: OrderLine[];
}

/** What the services need from order storage. */
export interface OrderRepository {
  /** Stores the order and its lines (two statements: run it inside a transaction). A missing user rejects with `ForeignKeyError`. */
  insert(order: NewOrderRow): Promise<Order>;
  findById(id: number): Promise<Order | undefined>;
  /** The user's orders, newest first, each with its lines. */
  listByUser(userId: number): Promise<Order[]>;
  /** Moves the order from `from` to `to`; undefined when no order with that id is in state `from`. */
  updateStatus(id: number, from: OrderStatus, to: OrderStatus): Promise<Order | undefined>;
}

/** The repositories bound to one unit of work (one database transaction, for PostgreSQL). */
export interface Repositories {
  users: UserRepository;
  orders: OrderRepository;
}

/** Runs `work` atomically: everything it wrote is committed when it resolves and undone when it rejects. */
export type RunInTransaction = <T>(work: (repositories: Repositories) => Promise<T>) => Promise<T>;
