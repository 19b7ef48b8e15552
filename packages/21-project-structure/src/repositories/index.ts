export { DuplicateKeyError, ForeignKeyError, InvalidTextError, RepositoryError } from './errors.ts';
export { type MemoryStore, memoryRepositories } from './memory.ts';
export { migrate, runMigration, TABLES } from './migrate.ts';
export { PgOrderRepository } from './pg-order-repository.ts';
export { pgRepositories, pgTransaction } from './pg-transaction.ts';
export { PgUserRepository } from './pg-user-repository.ts';
export type { Queryable } from './queryable.ts';
export type {
  NewOrderRow,
  OrderRepository,
  Repositories,
  RunInTransaction,
  UserRepository,
} from './types.ts';
