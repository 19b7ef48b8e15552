/**
 * Collapses concurrent calls for the same key into one: the first caller starts `work`, everyone who asks
 * for that key before it settles gets the same promise. Once it settles the key is forgotten, so a failure
 * is shared by the callers who waited for it but never cached (the next call tries again).
 *
 * This is what stops a cache stampede inside one process: 100 requests missing the same key make one
 * origin call, not 100. Across processes it needs a shared lock (see `RedisLock`).
 */
export class SingleFlight<K, V> {
  readonly #inFlight = new Map<K, Promise<V>>();
  #started = 0;
  #joined = 0;

  run(key: K, work: () => Promise<V>): Promise<V> {
    const pending = this.#inFlight.get(key);
    if (pending) {
      this.#joined++;
      return pending;
    }
    this.#started++;
    // `Promise.resolve().then` turns a synchronous throw in `work` into a rejection shared like any other.
    const promise = Promise.resolve()
      .then(work)
      .finally(() => {
        // After `forget(key)` a newer call may own the key; only the promise that set it may clear it.
        if (this.#inFlight.get(key) === promise) this.#inFlight.delete(key);
      });
    this.#inFlight.set(key, promise);
    return promise;
  }

  /**
   * Stops handing out the promise in progress for `key`: the next call starts fresh work. Callers already
   * waiting still get the old result. Used when a write makes the in-flight value stale.
   */
  forget(key: K): void {
    this.#inFlight.delete(key);
  }

  /** Keys with work in progress. */
  get size(): number {
    return this.#inFlight.size;
  }

  /** How many calls started work and how many joined work already in progress. */
  get stats(): { started: number; joined: number } {
    return { started: this.#started, joined: this.#joined };
  }
}
