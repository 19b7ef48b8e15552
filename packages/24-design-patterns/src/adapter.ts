import { type Clock, systemClock } from '@lab/common/clock';
import { checkedText, InvalidInputError } from './_text.ts';

/**
 * The interface the application owns: a small key-value store for session blobs. Services depend on this,
 * never on a driver, so the store can be swapped (memory in a test, Redis in production) without edits.
 */
export interface BlobStore {
  put(key: string, value: string, ttlMs?: number): Promise<void>;
  get(key: string): Promise<string | undefined>;
  /** True when something was deleted. */
  delete(key: string): Promise<boolean>;
}

export const MAX_KEY_LENGTH = 512;

/** Both adapters refuse the same keys, so swapping one for the other never changes what is accepted. */
function checkedKey(key: unknown): string {
  return checkedText('key', key, MAX_KEY_LENGTH);
}

function checkedTtl(ttlMs: number | undefined): number | undefined {
  if (ttlMs !== undefined && !(Number.isInteger(ttlMs) && ttlMs > 0))
    throw new InvalidInputError('ttlMs', 'out-of-range', 'must be a positive integer');
  return ttlMs;
}

/** The adaptee's side: only the commands this adapter uses, so any client with them fits (ioredis does). */
export interface RedisCommands {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<unknown>;
  psetex(key: string, milliseconds: number, value: string): Promise<unknown>;
  del(...keys: string[]): Promise<number>;
}

/**
 * Adapter: Redis speaks `null` for a miss, `del` counts, and TTLs are a different command; the BlobStore
 * speaks `undefined`, a boolean, and an optional argument. Keys get a prefix so several stores (and several
 * test files) share one Redis without seeing each other.
 */
export function redisBlobStore(client: RedisCommands, prefix: string): BlobStore {
  return {
    async put(key, value, ttlMs) {
      const full = prefix + checkedKey(key);
      const ttl = checkedTtl(ttlMs);
      await (ttl === undefined ? client.set(full, value) : client.psetex(full, ttl, value));
    },
    async get(key) {
      return (await client.get(prefix + checkedKey(key))) ?? undefined;
    },
    async delete(key) {
      return (await client.del(prefix + checkedKey(key))) > 0;
    },
  };
}

/** The in-process adapter: the same contract over a Map, expiry read from an injected clock. */
export function memoryBlobStore(clock: Clock = systemClock): BlobStore {
  const entries = new Map<string, { value: string; expiresAt: number }>();
  const live = (key: string) => {
    const entry = entries.get(key);
    if (entry && entry.expiresAt <= clock.now()) entries.delete(key);
    return entries.get(key);
  };
  return {
    async put(key, value, ttlMs) {
      const ttl = checkedTtl(ttlMs);
      entries.set(checkedKey(key), {
        value,
        expiresAt: ttl === undefined ? Number.POSITIVE_INFINITY : clock.now() + ttl,
      });
    },
    async get(key) {
      return live(checkedKey(key))?.value;
    },
    async delete(key) {
      const k = checkedKey(key);
      return live(k) !== undefined && entries.delete(k);
    },
  };
}
