import { AsyncLocalStorage } from 'node:async_hooks';
import { checkout } from '@lab/common/services';
import type { Queryable } from '@lab/project-structure';
import type pg from 'pg';
import type { QueryResult, QueryResultRow } from 'pg';

/** Runs work atomically: what a service asks for, whatever the storage is. */
export interface UnitOfWork {
  run<T>(work: () => Promise<T>): Promise<T>;
}

/**
 * A unit of work on PostgreSQL whose transaction is found through AsyncLocalStorage instead of being passed
 * down. `db` is one `Queryable` built once at start-up: inside `run` it sends every query to that run's
 * transaction client, outside it to the pool. Repositories built on `db` (topic 21's `PgUserRepository`, the
 * `OutboxMailer`) stay singletons and still join whichever transaction the current call is in.
 */
export class TransactionScope implements UnitOfWork {
  readonly #client = new AsyncLocalStorage<pg.PoolClient>();
  /** Transactions begun, committed and rolled back: what tests and the demo count. */
  readonly stats = { begun: 0, committed: 0, rolledBack: 0 };

  constructor(private readonly pool: pg.Pool) {}

  readonly db: Queryable = {
    query: <R extends QueryResultRow = QueryResultRow>(
      text: string,
      values?: unknown[],
    ): Promise<QueryResult<R>> => {
      const client = this.#client.getStore();
      return client ? client.query<R>(text, values) : this.pool.query<R>(text, values);
    },
  };

  /** Whether the caller is inside `run`. */
  get active(): boolean {
    return this.#client.getStore() !== undefined;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    // Nested: join the outer transaction, so a service calling another service stays atomic as a whole.
    if (this.active) return work();
    // checkout(): a connection lost mid-transaction rejects the query in flight instead of crashing the process.
    const { client, release } = await checkout(this.pool);
    // Set when ROLLBACK itself fails: that connection is broken and must not go back to the pool.
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      this.stats.begun++;
      const result = await this.#client.run(client, work);
      await client.query('COMMIT');
      this.stats.committed++;
      return result;
    } catch (error) {
      await client.query('ROLLBACK').then(
        () => {
          this.stats.rolledBack++;
        },
        (rollbackError: unknown) => {
          broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
        },
      );
      throw error;
    } finally {
      release(broken);
    }
  }
}

/** A unit of work with no transaction, for fakes in memory: it just runs the work (and counts it). */
export class PassThroughUnitOfWork implements UnitOfWork {
  runs = 0;
  async run<T>(work: () => Promise<T>): Promise<T> {
    this.runs++;
    return work();
  }
}
