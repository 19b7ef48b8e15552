import type { NewUser, User } from '../models/user.ts';
import { translated } from './_pg-errors.ts';
import type { Queryable } from './queryable.ts';
import type { UserRepository } from './types.ts';

interface UserRow {
  id: number;
  email: string;
  name: string;
  created_at: Date;
}

const COLUMNS = 'id, email, name, created_at';
const toUser = (row: UserRow): User => ({
  id: row.id,
  email: row.email,
  name: row.name,
  createdAt: row.created_at,
});

/** Users in PostgreSQL; SQL and driver errors stop here (translated to repository errors). */
export class PgUserRepository implements UserRepository {
  constructor(private readonly db: Queryable) {}

  insert(user: NewUser): Promise<User> {
    return translated(async () => {
      const { rows } = await this.db.query<UserRow>(
        `INSERT INTO users (email, name) VALUES ($1, $2) RETURNING ${COLUMNS}`,
        [user.email, user.name],
      );
      return toUser(rows[0] as UserRow);
    });
  }

  findById(id: number): Promise<User | undefined> {
    return translated(async () => {
      const { rows } = await this.db.query<UserRow>(`SELECT ${COLUMNS} FROM users WHERE id = $1`, [id]);
      return rows[0] && toUser(rows[0]);
    });
  }
}
