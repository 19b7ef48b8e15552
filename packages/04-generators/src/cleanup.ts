/**
 * A generator's `finally` is its cleanup hook. It runs when the generator finishes, when the consumer calls
 * `return()` (a `for…of` does that on `break`, `return` or a thrown error), or when `throw()` ends it. It
 * does NOT run for a generator that is simply abandoned half-way: there is no destructor to call it.
 */

/** What the wrapped generator did, in order: `open`, one `yield <value>` per value, then `close`. */
export type CleanupEvent = 'open' | 'close' | `yield ${string}`;

/**
 * Wraps `source` and records its life cycle in `log`. Stands in for a generator that owns a resource (a
 * file handle, a database cursor): `open` happens on the first `next()`, `close` in `finally`.
 */
export function* tracked<T>(source: Iterable<T>, log: CleanupEvent[]): Generator<T, void, undefined> {
  log.push('open');
  try {
    for (const value of source) {
      log.push(`yield ${String(value)}`);
      yield value;
    }
  } finally {
    log.push('close');
  }
}

/** The first value above `limit`, found with a `for…of` that breaks: the break closes the source. */
export function firstAbove(source: Iterable<number>, limit: number): number | undefined {
  for (const value of source) {
    if (value > limit) return value;
  }
  return undefined;
}
