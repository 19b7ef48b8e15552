import type pg from 'pg';

export interface User {
  id: number;
  name: string | null;
}

/** One deployed version of the users code: what it writes and what it reads. */
export interface UsersCode {
  version: string;
  create(pool: pg.Pool, name: string): Promise<number>;
  get(pool: pg.Pool, id: number): Promise<User | undefined>;
}

export async function insertReturningId(pool: pg.Pool, sql: string, values: unknown[]): Promise<number> {
  const { rows } = await pool.query<{ id: string }>(sql, values);
  return Number(rows[0]?.id);
}

export async function selectOne(pool: pg.Pool, sql: string, id: number): Promise<User | undefined> {
  const { rows } = await pool.query<{ id: string; name: string | null }>(sql, [id]);
  const row = rows[0];
  return row && { id: Number(row.id), name: row.name };
}
