/**
 * The in-process store: a Map of per-key state, each entry carrying the instant (on the limiter's clock)
 * from which it is equivalent to no state at all — the same moment the Redis variant sets as the key's TTL.
 */

interface Expiring {
  expiresAt: number;
}

export class ExpiringMap<S extends Expiring> {
  readonly #map = new Map<string, S>();
  readonly #sweepEveryMs: number;
  #nextSweep = Number.NEGATIVE_INFINITY;

  constructor(sweepEveryMs: number) {
    this.#sweepEveryMs = sweepEveryMs;
  }

  /** The live state of `key`, or undefined when there is none or it has expired. */
  get(key: string, now: number): S | undefined {
    this.#maybeSweep(now);
    const state = this.#map.get(key);
    if (state === undefined) return undefined;
    if (state.expiresAt <= now) {
      this.#map.delete(key);
      return undefined;
    }
    return state;
  }

  set(key: string, state: S): void {
    this.#map.set(key, state);
  }

  /** Entries held, expired or not: the tests use it to see that a sweep happened. */
  get size(): number {
    return this.#map.size;
  }

  // Without a sweep, a key seen once is kept for ever: one entry per client IP ever seen is a slow leak.
  // Sweeping at most once per window keeps the cost amortised to a fraction of a lookup per decision.
  #maybeSweep(now: number): void {
    if (now < this.#nextSweep) return;
    this.#nextSweep = now + this.#sweepEveryMs;
    for (const [key, state] of this.#map) if (state.expiresAt <= now) this.#map.delete(key);
  }
}
