import type pg from 'pg';
import { type AppOptions, createApp } from './api/app.ts';
import { pgRepositories, pgTransaction } from './repositories/pg-transaction.ts';
import type { Repositories, RunInTransaction } from './repositories/types.ts';
import { OrderService } from './services/order-service.ts';
import { UserService } from './services/user-service.ts';

export interface Services {
  users: UserService;
  orders: OrderService;
}

/**
 * The composition root: the one place that knows every layer and wires them — repositories into services.
 * It sits above `api`, outside the layers, so no layer has to import a concrete class from another.
 */
export function composeServices(repositories: Repositories & { inTransaction: RunInTransaction }): Services {
  return {
    users: new UserService({ users: repositories.users }),
    orders: new OrderService(repositories),
  };
}

/** The service on PostgreSQL (call `migrate(pool)` first): the services and the Express app over them. */
export function createPostgresService(pool: pg.Pool, options: AppOptions = {}) {
  const services = composeServices({ ...pgRepositories(pool), inTransaction: pgTransaction(pool) });
  return { ...services, app: createApp(services, options) };
}
