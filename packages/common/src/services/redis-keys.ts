/** Finding and removing a limiter's keys by prefix, without KEYS or FLUSHDB: the Redis may be shared. */
import type { Redis } from 'ioredis';

// SCAN MATCH takes a glob; a prefix with * ? [ ] or \ in it must not match other people's keys.
const escapeGlob = (text: string): string => text.replace(/[*?[\]\\]/g, (c) => `\\${c}`);

/** Every key that starts with `prefix`, found with SCAN (incremental; never blocks Redis like KEYS). */
export async function keysWithPrefix(client: Redis, prefix: string): Promise<string[]> {
  if (prefix.length === 0) throw new RangeError('refusing to list keys with an empty prefix');
  const found: string[] = [];
  let cursor = '0';
  do {
    const [next, keys] = await client.scan(cursor, 'MATCH', `${escapeGlob(prefix)}*`, 'COUNT', 1000);
    cursor = next;
    found.push(...keys);
  } while (cursor !== '0');
  return found;
}

/** Deletes every key that starts with `prefix` (UNLINK: freed in the background); returns how many. */
export async function deleteKeysWithPrefix(client: Redis, prefix: string): Promise<number> {
  const keys = await keysWithPrefix(client, prefix);
  for (let i = 0; i < keys.length; i += 500) await client.unlink(...keys.slice(i, i + 500));
  return keys.length;
}
