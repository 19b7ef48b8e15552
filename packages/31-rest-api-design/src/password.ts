import { randomBytes, scrypt } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>;

/**
 * A salted scrypt hash, `scrypt$<salt>$<hash>` in base64url. Runs on libuv's thread pool, so hashing does
 * not block the event loop. Verification and login belong to topic 35 (authentication); here the point is
 * only that the hash is stored and never sent back.
 */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(password, salt, 32);
  return `scrypt$${salt.toString('base64url')}$${hash.toString('base64url')}`;
}
