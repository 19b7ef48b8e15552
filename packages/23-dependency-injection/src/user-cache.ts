import type { User } from '@lab/project-structure';
import type { Redis } from 'ioredis';

/** What the signup flow needs from a cache of users by id. */
export interface UserCache {
  get(id: number): Promise<User | undefined>;
  set(user: User): Promise<void>;
}

export interface RedisUserCacheOptions {
  /** Every key starts with it, so tests, demos and tenants on one Redis never meet (never FLUSHDB). */
  prefix: string;
  ttlSeconds: number;
}

/** Users as JSON in Redis, one key each, with a TTL set in the same command (`SET … EX`). */
export class RedisUserCache implements UserCache {
  constructor(
    private readonly redis: Redis,
    private readonly options: RedisUserCacheOptions,
  ) {}

  private key(id: number): string {
    return `${this.options.prefix}user:${id}`;
  }

  async get(id: number): Promise<User | undefined> {
    const json = await this.redis.get(this.key(id));
    if (json === null) return undefined;
    const stored = JSON.parse(json) as Omit<User, 'createdAt'> & { createdAt: string };
    // JSON turned the Date into an ISO string; hand back the type the interface promises.
    return { ...stored, createdAt: new Date(stored.createdAt) };
  }

  async set(user: User): Promise<void> {
    await this.redis.set(this.key(user.id), JSON.stringify(user), 'EX', this.options.ttlSeconds);
  }
}
