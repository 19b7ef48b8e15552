/**
 * A Lua script run with EVALSHA. Redis runs a script to the end before it serves any other command, so each
 * state change of a job (check the lease, move the id, rewrite the hash) is all-or-nothing across every
 * client and every process: no other worker can see the job half-moved.
 */
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

const isNoScript = (error: unknown): boolean =>
  error instanceof Error && error.message.startsWith('NOSCRIPT');

export class LuaScript {
  readonly sha: string;
  readonly #lua: string;

  constructor(lua: string) {
    this.#lua = lua;
    this.sha = createHash('sha1').update(lua).digest('hex');
  }

  /**
   * Sends the 40-byte hash, not the script. Redis answers NOSCRIPT the first time (and after a restart or a
   * failover); the script is then loaded and the call repeated once.
   */
  async run(client: Redis, keys: readonly string[], args: ReadonlyArray<string | number>): Promise<unknown> {
    try {
      return await client.evalsha(this.sha, keys.length, ...keys, ...args);
    } catch (error) {
      if (!isNoScript(error)) throw error;
      await client.script('LOAD', this.#lua);
      return client.evalsha(this.sha, keys.length, ...keys, ...args);
    }
  }
}
