import { insertReturningId, selectOne, type UsersCode } from './code-version.ts';

/** v1, before the change: the column is `name`. */
export const usersV1: UsersCode = {
  version: 'v1',
  create: (pool, name) =>
    insertReturningId(pool, 'INSERT INTO users (name) VALUES ($1) RETURNING id', [name]),
  get: (pool, id) => selectOne(pool, 'SELECT id, name FROM users WHERE id = $1', id),
};
