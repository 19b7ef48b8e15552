import { checkout } from '@lab/common/services';
import type pg from 'pg';
import { PgOrderRepository } from './pg-order-repository.ts';
import { PgUserRepository } from './pg-user-repository.ts';
import type { Repositories, RunInTransaction } from './types.ts';

/** Repositories on the pool: each query on whichever connection is free (no transaction across calls). */
export function pgRepositories(db: pg.Pool | pg.PoolClient): Repositories {
  return { users: new PgUserRepository(db), orders: new PgOrderRepository(db) };
}

/**
 * A `RunInTransaction` on PostgreSQL: one client for the whole unit of work, BEGIN before, COMMIT after,
 * ROLLBACK when `work` rejects. Every repository `work` receives is bound to that client, so all its queries
 * are in the transaction (a query on the pool inside `work` would not be).
 */
export function pgTransaction(pool: pg.Pool): RunInTransaction {
  return async (work) => {
    // checkout(): a connection lost mid-transaction rejects the query in flight instead of crashing the process.
    const { client, release } = await checkout(pool);
    // Set when ROLLBACK itself fails: the connection is broken and must not go back into the pool.
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const result = await work(pgRepositories(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: unknown) => {
        broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
      });
      throw error;
    } finally {
      release(broken);
    }
  };
}
