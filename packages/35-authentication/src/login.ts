/**
 * Checking an email and a password against the users table, revealing nothing about which of the two was
 * wrong: an unknown email is verified against a dummy hash at the same cost, so it costs one scrypt run
 * too, and both failures return the same `undefined`.
 */
import type pg from 'pg';
import {
  DEFAULT_COST,
  dummyHash,
  hashPassword,
  needsRehash,
  nodeScrypt,
  type ScryptCost,
  type ScryptFn,
  verifyPassword,
} from './password.ts';
import { findUserByEmail, replacePasswordHash, type User } from './users.ts';

export interface PasswordPolicy {
  /** The cost new hashes get; an older hash is upgraded at the next successful login. */
  cost?: ScryptCost;
  /** node:crypto's async scrypt unless a test counts the calls. */
  scrypt?: ScryptFn;
}

export interface LoginResult {
  user: User;
  /** True when the stored hash was re-made at the current cost during this login. */
  rehashed: boolean;
}

export async function checkCredentials(
  pool: pg.Pool,
  email: string,
  password: string,
  policy: PasswordPolicy = {},
): Promise<LoginResult | undefined> {
  const { cost = DEFAULT_COST, scrypt = nodeScrypt } = policy;
  const user = await findUserByEmail(pool, email);
  // The dummy is made per call from random bytes (no scrypt), so it costs nothing and matches no password.
  const stored = user?.passwordHash ?? dummyHash(cost);
  const matches = await verifyPassword(password, stored, { scrypt });
  if (!user || !matches) return undefined;
  if (!needsRehash(stored, cost)) return { user, rehashed: false };
  const upgraded = await hashPassword(password, { cost, scrypt });
  const rehashed = await replacePasswordHash(pool, user.id, stored, upgraded);
  return { user: rehashed ? { ...user, passwordHash: upgraded } : user, rehashed };
}
