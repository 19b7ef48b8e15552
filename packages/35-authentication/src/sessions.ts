/**
 * Server-side state for stateless tokens, in Redis: refresh-token families (rotation with reuse detection)
 * and the revocation denylist. Every key lives under `prefix` and expires on its own.
 *
 *   <prefix>family:<fid>          hash { sub, current }  the one refresh jti that may be used next
 *   <prefix>revoked:family:<fid>  "1"                    the session is revoked: its refresh and access tokens
 *   <prefix>revoked:jti:<jti>     "1"                    one access token is revoked (logout)
 */
import type { Redis } from 'ioredis';

export type RotateOutcome = 'rotated' | 'reused' | 'revoked' | 'unknown';

/**
 * One atomic step (Redis runs a script with nothing in between): two requests presenting the same refresh
 * token cannot both see it as current. The loser is a reuse, which revokes the family — the strict reading
 * of the OAuth security BCP: the server cannot tell a racing client from a thief replaying a stolen token.
 */
const ROTATE = `
if redis.call('EXISTS', KEYS[2]) == 1 then return 'revoked' end
local current = redis.call('HGET', KEYS[1], 'current')
if not current then return 'unknown' end
if current == ARGV[1] then
  redis.call('HSET', KEYS[1], 'current', ARGV[2])
  redis.call('PEXPIRE', KEYS[1], ARGV[3])
  return 'rotated'
end
redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
redis.call('DEL', KEYS[1])
return 'reused'
`;

export interface SessionStoreOptions {
  /** Key prefix: a test's `testKeyPrefix(import.meta.url)`, or the service's namespace. */
  prefix: string;
  /** How long a family (and a family's revocation) is kept: the refresh token lifetime. */
  familyTtlMs: number;
}

export class SessionStore {
  readonly #redis: Redis;
  readonly #prefix: string;
  readonly #familyTtlMs: number;

  constructor(redis: Redis, { prefix, familyTtlMs }: SessionStoreOptions) {
    if (!(familyTtlMs >= 1)) throw new RangeError('familyTtlMs must be at least 1 ms');
    this.#redis = redis;
    this.#prefix = prefix;
    this.#familyTtlMs = Math.ceil(familyTtlMs);
  }

  #family = (fid: string) => `${this.#prefix}family:${fid}`;
  #revokedFamily = (fid: string) => `${this.#prefix}revoked:family:${fid}`;
  #revokedJti = (jti: string) => `${this.#prefix}revoked:jti:${jti}`;

  /** A new family whose first refresh token is `jti`. */
  async startFamily(fid: string, sub: string, jti: string): Promise<void> {
    await this.#redis
      .multi()
      .hset(this.#family(fid), 'sub', sub, 'current', jti)
      .pexpire(this.#family(fid), this.#familyTtlMs)
      .exec();
  }

  /** Marks `presented` used and makes `next` current — or, if `presented` was already used, revokes the family. */
  async rotate(fid: string, presented: string, next: string): Promise<RotateOutcome> {
    // EVAL sends the script each time; it is a few hundred bytes, and EVALSHA's NOSCRIPT retry is not worth it here.
    const outcome = await this.#redis.eval(
      ROTATE,
      2,
      this.#family(fid),
      this.#revokedFamily(fid),
      presented,
      next,
      String(this.#familyTtlMs),
    );
    return outcome as RotateOutcome;
  }

  /** Ends a session: its refresh token stops working, and so does every access token carrying its `fid`. */
  async revokeFamily(fid: string): Promise<void> {
    await this.#redis
      .multi()
      .set(this.#revokedFamily(fid), '1', 'PX', this.#familyTtlMs)
      .del(this.#family(fid))
      .exec();
  }

  /**
   * Denylists one token until it would have expired anyway (`remainingMs`): after that its `exp` rejects it,
   * so keeping the key longer would only grow Redis. Nothing to store for a token already expired.
   */
  async revokeJti(jti: string, remainingMs: number): Promise<boolean> {
    if (remainingMs <= 0) return false;
    await this.#redis.set(this.#revokedJti(jti), '1', 'PX', Math.ceil(remainingMs));
    return true;
  }

  /** One round trip per request: EXISTS counts both keys at once. */
  async isRevoked(jti: string, fid: string): Promise<boolean> {
    return (await this.#redis.exists(this.#revokedJti(jti), this.#revokedFamily(fid))) > 0;
  }

  /** Remaining lifetime of a jti's denylist entry in ms (-2: none), for tests and the demo. */
  revokedJtiTtl(jti: string): Promise<number> {
    return this.#redis.pttl(this.#revokedJti(jti));
  }
}
