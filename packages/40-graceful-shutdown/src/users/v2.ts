import { insertReturningId, selectOne, type UsersCode } from './code-version.ts';

/**
 * v2, deployed after the expand step: writes both columns, still reads `name`, because rows that v1
 * writes meanwhile (v1 and v2 run side by side during the rollout) have no display_name yet.
 */
export const usersV2: UsersCode = {
  version: 'v2',
  create: (pool, name) =>
    insertReturningId(pool, 'INSERT INTO users (name, display_name) VALUES ($1, $1) RETURNING id', [name]),
  get: (pool, id) => selectOne(pool, 'SELECT id, name FROM users WHERE id = $1', id),
};
