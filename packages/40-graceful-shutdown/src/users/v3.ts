import { insertReturningId, selectOne, type UsersCode } from './code-version.ts';

/**
 * v3, deployed after the backfill: reads `display_name`, and still writes both, because v2 (reading
 * `name`) runs beside it until the rollout ends.
 */
export const usersV3: UsersCode = {
  version: 'v3',
  create: (pool, name) =>
    insertReturningId(pool, 'INSERT INTO users (name, display_name) VALUES ($1, $1) RETURNING id', [name]),
  get: (pool, id) => selectOne(pool, 'SELECT id, display_name AS name FROM users WHERE id = $1', id),
};
