/**
 * Password hashing with scrypt from `node:crypto`, stored self-describing as `scrypt$N$r$p$salt$hash`
 * (salt and hash base64url), so the cost can be raised later and each old hash upgraded at its user's
 * next successful login.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/** scrypt's cost: N (CPU and memory, a power of two), r (block size), p (parallelisation). */
export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

/**
 * N=2^15, r=8, p=3: one of the OWASP Password Storage Cheat Sheet's equivalent minimums (like 2^17/8/1)
 * at a quarter of the memory — 32 MiB a hash, so four hashes in the libuv pool at once hold 128 MiB,
 * not 512 MiB. OpenSSL runs the p lanes one after another, so p buys time, not memory.
 */
export const DEFAULT_COST: Readonly<ScryptCost> = Object.freeze({ N: 2 ** 15, r: 8, p: 3 });

/**
 * The longest password accepted, in UTF-8 bytes. scrypt's core does not grow with the password, but the
 * PBKDF2-HMAC-SHA256 pass around it reads every byte, and a request that carries megabytes costs parsing
 * and memory before that: capping keeps the work of one login bounded (and no password manager needs more).
 */
export const MAX_PASSWORD_BYTES = 1024;

const SALT_BYTES = 16;
const KEY_BYTES = 32;
// A hash read back from the database is input too: a row saying N=2^30 must not make verify allocate 128 GiB.
const LIMITS = { minLogN: 10, maxLogN: 20, maxR: 32, maxP: 16 } as const;

/** Derives a key; the real one is node:crypto's async scrypt. Injectable so tests can count calls. */
export type ScryptFn = (
  password: Buffer,
  salt: Buffer,
  keyLength: number,
  cost: ScryptCost,
) => Promise<Buffer>;

/** Bytes OpenSSL allocates for one scrypt run (V plus B), plus slack: Node's default maxmem is 32 MiB. */
const memoryFor = ({ N, r, p }: ScryptCost) => 128 * r * (N + 2) + 128 * r * p + 1024 * 1024;

/**
 * node:crypto's scrypt on the libuv thread pool: the event loop keeps serving requests while a hash runs
 * for hundreds of milliseconds (scryptSync would stop every other request for that long).
 */
export const nodeScrypt: ScryptFn = (password, salt, keyLength, cost) =>
  new Promise((resolve, reject) => {
    scrypt(password, salt, keyLength, { ...cost, maxmem: memoryFor(cost) }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });

export interface HashOptions {
  cost?: ScryptCost;
  scrypt?: ScryptFn;
}

export class PasswordPolicyError extends Error {}

/** The bytes scrypt sees: NFC so that "é" typed two ways is one password; refused when over the cap. */
function passwordBytes(password: string): Buffer {
  const bytes = Buffer.from(password.normalize('NFC'), 'utf8');
  if (bytes.length > MAX_PASSWORD_BYTES)
    throw new PasswordPolicyError(`a password is at most ${MAX_PASSWORD_BYTES} bytes of UTF-8`);
  return bytes;
}

function checkCost({ N, r, p }: ScryptCost): void {
  const logN = Math.log2(N);
  const ok =
    Number.isInteger(logN) &&
    logN >= LIMITS.minLogN &&
    logN <= LIMITS.maxLogN &&
    Number.isInteger(r) &&
    r >= 1 &&
    r <= LIMITS.maxR &&
    Number.isInteger(p) &&
    p >= 1 &&
    p <= LIMITS.maxP;
  if (!ok) throw new RangeError(`scrypt cost out of range: N=${N} r=${r} p=${p}`);
}

/** A new hash with a fresh random salt: `scrypt$N$r$p$salt$hash`. */
export async function hashPassword(password: string, options: HashOptions = {}): Promise<string> {
  const { cost = DEFAULT_COST, scrypt: derive = nodeScrypt } = options;
  checkCost(cost);
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(passwordBytes(password), salt, KEY_BYTES, cost);
  return formatHash(cost, salt, key);
}

const formatHash = ({ N, r, p }: ScryptCost, salt: Buffer, key: Buffer) =>
  `scrypt$${N}$${r}$${p}$${salt.toString('base64url')}$${key.toString('base64url')}`;

export interface ParsedHash {
  cost: ScryptCost;
  salt: Buffer;
  key: Buffer;
}

const HASH_FORMAT = /^scrypt\$(\d{1,8})\$(\d{1,3})\$(\d{1,3})\$([\w-]{16,88})\$([\w-]{16,88})$/;

/** Reads a stored hash, or `undefined` when it is not one of ours (or its cost is out of range). */
export function parseHash(stored: string): ParsedHash | undefined {
  const match = HASH_FORMAT.exec(stored);
  if (!match) return undefined;
  const [, n, r, p, salt, key] = match;
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  try {
    checkCost(cost);
  } catch {
    return undefined;
  }
  return { cost, salt: Buffer.from(salt ?? '', 'base64url'), key: Buffer.from(key ?? '', 'base64url') };
}

/**
 * True when `password` matches `stored`. The comparison is `timingSafeEqual` on two buffers of the same
 * length (the derived key is made as long as the stored one), so how long it takes says nothing about how
 * many leading bytes matched. A malformed stored hash is a bug in the data: it throws.
 */
export async function verifyPassword(
  password: string,
  stored: string,
  options: Pick<HashOptions, 'scrypt'> = {},
): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) throw new RangeError('stored password hash is not in the scrypt$N$r$p$salt$hash format');
  const derive = options.scrypt ?? nodeScrypt;
  const key = await derive(passwordBytes(password), parsed.salt, parsed.key.length, parsed.cost);
  return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
}

/** True when `stored` was made with a different cost than `current`: rehash it at the next login. */
export function needsRehash(stored: string, current: ScryptCost = DEFAULT_COST): boolean {
  const parsed = parseHash(stored);
  if (!parsed) return true;
  const { N, r, p } = parsed.cost;
  return N !== current.N || r !== current.r || p !== current.p;
}

/**
 * A well-formed hash that no password matches (a random key), at `cost`: login verifies against it when the
 * email is unknown, so a missing user costs one scrypt run like a present one and timing does not tell.
 */
export function dummyHash(cost: ScryptCost = DEFAULT_COST): string {
  checkCost(cost);
  return formatHash(cost, randomBytes(SALT_BYTES), randomBytes(KEY_BYTES));
}
