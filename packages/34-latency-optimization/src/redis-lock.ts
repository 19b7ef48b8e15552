import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

// Deletes the lock only if it still holds our token: after our lease expired and someone else took the
// lock, a plain DEL would release *their* lock.
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

export interface RedisLockOptions {
  /** Prepended to lock keys. */
  prefix: string;
  /** How long a lock lives if its holder dies without releasing it. Longer than the slowest origin call. */
  leaseMs?: number;
}

/**
 * A best-effort mutex across processes: `SET key token NX PX lease`. Good enough to stop a stampede (the
 * worst case of losing it is a few duplicate origin calls); not a correctness lock for money or stock.
 */
export class RedisLock {
  readonly #client: Redis;
  readonly #prefix: string;
  readonly #leaseMs: number;
  #acquired = 0;
  #refused = 0;

  constructor(client: Redis, { prefix, leaseMs = 5_000 }: RedisLockOptions) {
    if (prefix.length === 0) throw new Error('RedisLock needs a non-empty key prefix');
    if (!Number.isInteger(leaseMs) || leaseMs < 1)
      throw new RangeError(`leaseMs must be ≥ 1, got ${leaseMs}`);
    this.#client = client;
    this.#prefix = prefix;
    this.#leaseMs = leaseMs;
  }

  /** A release function when the lock was free, `undefined` when another holder has it. */
  async tryAcquire(name: string): Promise<(() => Promise<void>) | undefined> {
    const key = this.#prefix + name;
    const token = randomUUID();
    const ok = await this.#client.set(key, token, 'PX', this.#leaseMs, 'NX');
    if (ok !== 'OK') {
      this.#refused++;
      return undefined;
    }
    this.#acquired++;
    return async () => {
      await this.#client.eval(RELEASE, 1, key, token);
    };
  }

  /** Attempts that got the lock and attempts that found it taken. */
  get stats(): { acquired: number; refused: number } {
    return { acquired: this.#acquired, refused: this.#refused };
  }
}
