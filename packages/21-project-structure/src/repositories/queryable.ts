import type { QueryResult, QueryResultRow } from 'pg';

/**
 * The one method the PostgreSQL repositories call. A `pg.Pool` and a `pg.PoolClient` both have it, so the
 * same repository class runs on the pool (each query on any connection) or on one transaction's client.
 */
export interface Queryable {
  query<R extends QueryResultRow = QueryResultRow>(text: string, values?: unknown[]): Promise<QueryResult<R>>;
}
