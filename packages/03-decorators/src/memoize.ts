import { perReceiver } from './_per-receiver.ts';
import { expectMethod, keepIdentity, memberName } from './keep-identity.ts';

export interface MemoizeOptions<Args extends unknown[]> {
  /**
   * What identifies a call; compared like a Map key (SameValueZero). Required when an argument is an
   * object: two equal-looking objects are different keys, and guessing with JSON.stringify is slow and
   * wrong for key order, Dates, Maps and cycles.
   */
  key?: (...args: Args) => unknown;
  /** How long an entry stays fresh. Default: forever. */
  ttlMs?: number;
  /** Oldest-used entries are dropped beyond this. Default 1000; a cache without a bound is a memory leak. */
  maxEntries?: number;
  /** Monotonic milliseconds, injected for tests; `performance.now` by default. */
  now?: () => number;
}

interface Entry {
  value: unknown;
  expiresAt: number;
}

function defaultKey(name: string, args: readonly unknown[]): unknown {
  for (const [i, arg] of args.entries()) {
    if ((typeof arg === 'object' && arg !== null) || typeof arg === 'function')
      throw new TypeError(
        `memoize(${name}): argument ${i} is an object, which would be compared by identity; pass options.key`,
      );
  }
  if (args.length === 1) return args[0];
  // The type goes into the key so that 1 and '1', or null and 'null', stay apart.
  return args.map((arg) => `${typeof arg}:${String(arg)}`).join('\u0000');
}

/**
 * Wraps a function so repeated calls with the same key return the cached result until `ttlMs` passes.
 * A promise is cached as soon as it exists, so concurrent callers share one call in flight; if it rejects
 * it is evicted, so a failure is not remembered. Caches are per `this`.
 */
export function withMemo<This, Args extends unknown[], R>(
  fn: (this: This, ...args: Args) => R,
  options: MemoizeOptions<Args> = {},
  name = fn.name,
): (this: This, ...args: Args) => R {
  const ttlMs = options.ttlMs ?? Number.POSITIVE_INFINITY;
  const maxEntries = options.maxEntries ?? 1000;
  // Without a TTL nothing expires, so a cache hit need not read the clock at all.
  const now = ttlMs === Number.POSITIVE_INFINITY ? () => 0 : (options.now ?? (() => performance.now()));
  const keyOf = options.key ?? ((...args: Args) => defaultKey(name, args));
  if (!(ttlMs > 0)) throw new RangeError(`memoize(${name}): ttlMs must be > 0, got ${ttlMs}`);
  if (!Number.isInteger(maxEntries) || maxEntries < 1)
    throw new RangeError(`memoize(${name}): maxEntries must be an integer >= 1, got ${maxEntries}`);
  const cacheOf = perReceiver(() => new Map<unknown, Entry>());

  function memoized(this: This, ...args: Args): R {
    const cache = cacheOf(this);
    const key = keyOf(...args);
    const hit = cache.get(key);
    if (hit !== undefined) {
      cache.delete(key);
      if (now() < hit.expiresAt) {
        cache.set(key, hit); // re-inserted: a Map iterates oldest first, which makes this an LRU
        return hit.value as R;
      }
    }
    const value = fn.apply(this, args);
    const entry: Entry = { value, expiresAt: now() + ttlMs };
    if (cache.size >= maxEntries) {
      const oldest = cache.keys().next();
      if (!oldest.done) cache.delete(oldest.value);
    }
    cache.set(key, entry);
    if (value instanceof Promise) {
      value.catch(() => {
        if (cache.get(key) === entry) cache.delete(key);
      });
    }
    return value;
  }
  return keepIdentity(memoized, fn, name);
}

/** Method decorator factory: `@memoize({ ttlMs: 60_000, key: (user) => user.id })`. */
export function memoize<KeyArgs extends unknown[] = unknown[]>(options: MemoizeOptions<KeyArgs> = {}) {
  // The method's parameters are inferred where the decorator is applied; a key function must accept them.
  return <This, Args extends KeyArgs, R>(
    method: (this: This, ...args: Args) => R,
    context: ClassMethodDecoratorContext<This, (this: This, ...args: Args) => R>,
  ): ((this: This, ...args: Args) => R) => {
    expectMethod('memoize', context);
    return withMemo(method, options, memberName(context));
  };
}
