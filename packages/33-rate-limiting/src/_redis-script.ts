/**
 * A Lua script sent as EVALSHA: Redis runs it atomically, so the read, the decision and the write of one
 * request cannot interleave with another client's — on one connection, across connections, across processes.
 */
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * Added to every TTL a script sets. A TTL says when the key's state stops mattering by the clock of the
 * server that wrote it; another app server whose clock lags by up to this much may still need the state.
 * The key is garbage either way, so the slack costs a second of memory, never a wrong decision.
 */
export const TTL_SLACK_MS = 1000;

const isNoScript = (error: unknown): boolean =>
  error instanceof Error && error.message.startsWith('NOSCRIPT');

export class LuaScript {
  readonly lua: string;
  readonly sha: string;
  /** SCRIPT LOAD round trips made so far; the tests check that concurrent first calls share one. */
  loads = 0;
  readonly #loading = new WeakMap<Redis, Promise<unknown>>();

  constructor(lua: string) {
    this.lua = lua;
    this.sha = createHash('sha1').update(lua).digest('hex');
  }

  /**
   * Runs the script on one key with `args` and decodes its reply.
   *
   * Every call is an EVALSHA: 40 bytes of hash instead of the whole script. When Redis does not know the
   * script (first use, after a restart or a failover) it answers NOSCRIPT; the script is then loaded once with
   * SCRIPT LOAD and the call repeated. The decode runs in the same `then` as the error check, so the common
   * path costs one promise link, as a bare `client.evalsha` followed by any use of its reply would.
   */
  run<T>(
    client: Redis,
    key: string,
    args: Array<string | number>,
    decode: (reply: unknown) => T,
  ): Promise<T> {
    return client.evalsha(this.sha, 1, key, ...args).then(decode, (error: unknown) => {
      if (!isNoScript(error)) throw error;
      return this.#load(client)
        .then(() => client.evalsha(this.sha, 1, key, ...args))
        .then(decode);
    });
  }

  #load(client: Redis): Promise<unknown> {
    let loading = this.#loading.get(client);
    if (!loading) {
      this.loads++;
      loading = client.script('LOAD', this.lua).finally(() => this.#loading.delete(client));
      this.#loading.set(client, loading);
    }
    return loading;
  }
}

/** A script's integer reply as a number (ioredis already hands integer replies over as numbers). */
export const integerReply = (reply: unknown): number => {
  if (typeof reply !== 'number') throw new TypeError(`rate limit script answered ${String(reply)}`);
  return reply;
};

/**
 * Scripts answer one integer, not a table: cheaper for Redis to encode and for ioredis to parse. A reply
 * `>= 0` means admitted and is the packed state itself; a rejection is sent as `-1 - packed`.
 */
export const unpackSign = (reply: number): { admitted: boolean; packed: number } =>
  reply >= 0 ? { admitted: true, packed: reply } : { admitted: false, packed: -1 - reply };
