import type { postgres } from '@lab/common/services';

/** The kit's pg.Pool, named through the kit: this package does not depend on pg itself. */
export type Pool = Awaited<ReturnType<typeof postgres>>;

/** A stored user. */
export interface User {
  id: number;
  email: string;
  name: string;
}

/** Thrown when an email is taken: a 409 at the HTTP edge, not a 500. */
export class DuplicateEmailError extends Error {
  override name = 'DuplicateEmailError';
  constructor(readonly email: string) {
    super(`a user with email ${email} exists`);
  }
}

/**
 * Users in PostgreSQL, the subject of the integration tests: the unique index, the case-insensitive email
 * and the error mapping are behaviour of the database, which no mock would reproduce.
 */
export class UserStore {
  constructor(private readonly pool: Pool) {}

  /** Creates the table in the pool's schema (first on its search_path) if it is not there yet. */
  async migrate(): Promise<void> {
    await this.pool.query(`CREATE TABLE IF NOT EXISTS users (
      id serial PRIMARY KEY,
      email text NOT NULL,
      name text NOT NULL
    )`);
    await this.pool.query('CREATE UNIQUE INDEX IF NOT EXISTS users_email_key ON users (lower(email))');
  }

  async add(email: string, name: string): Promise<User> {
    try {
      const { rows } = await this.pool.query<User>(
        'INSERT INTO users (email, name) VALUES ($1, $2) RETURNING id, email, name',
        [email, name],
      );
      return rows[0] as User;
    } catch (error) {
      if ((error as { code?: string }).code === '23505') throw new DuplicateEmailError(email);
      throw error;
    }
  }

  async findByEmail(email: string): Promise<User | undefined> {
    const { rows } = await this.pool.query<User>(
      'SELECT id, email, name FROM users WHERE lower(email) = lower($1)',
      [email],
    );
    return rows[0];
  }

  async count(): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
    return rows[0]?.n ?? 0;
  }

  /**
   * Empties the table: the teardown of a fixture, so every test starts from no users. DELETE, not TRUNCATE:
   * on a table of a few rows it is the cheaper of the two (TRUNCATE replaces the table's files).
   */
  async clear(): Promise<void> {
    await this.pool.query('DELETE FROM users');
  }
}
