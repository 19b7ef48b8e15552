import { insertReturningId, selectOne, type UsersCode } from './code-version.ts';

/** v4, the end state: `display_name` only. The old column can go once no v3 is left. */
export const usersV4: UsersCode = {
  version: 'v4',
  create: (pool, name) =>
    insertReturningId(pool, 'INSERT INTO users (display_name) VALUES ($1) RETURNING id', [name]),
  get: (pool, id) => selectOne(pool, 'SELECT id, display_name AS name FROM users WHERE id = $1', id),
};
