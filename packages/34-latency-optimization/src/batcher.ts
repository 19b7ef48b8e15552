/**
 * Given the keys of one batch, their values in the same order (an `Error` in a slot fails only that key).
 */
export type BatchFn<K, V> = (keys: readonly K[]) => Promise<ReadonlyArray<V | Error>>;

/**
 * When a batch is sent:
 * - `'nextTick'` (default, what DataLoader does): after the whole microtask queue has drained, so loads
 *   issued after any number of `await`s on already-settled promises still join the batch.
 * - `'microtask'`: one microtask later; loads that come after a deeper `await` chain miss it and start a
 *   second batch. Kept to show why DataLoader does not do this.
 */
export type BatchSchedule = 'nextTick' | 'microtask';

export interface BatcherOptions {
  /** Split a batch larger than this (an `= ANY($1)` with 50,000 ids is its own problem). Default Infinity. */
  maxBatchSize?: number;
  schedule?: BatchSchedule;
}

interface Pending<V> {
  resolve: (value: V) => void;
  reject: (error: unknown) => void;
}

/** The loads collected since the last dispatch: keys in call order, their callers, and a dedupe map. */
interface Batch<K, V> {
  keys: K[];
  waiters: Array<Pending<V>>;
  promises: Map<K, Promise<V>>;
}

/**
 * A DataLoader-style batcher: `load(key)` calls made in the same tick are collected and sent to `batchFn`
 * once, so code written one-item-at-a-time (a resolver per user) issues one query per batch instead of
 * one per item. Within a batch a repeated key is sent once. Unlike DataLoader it keeps no cache between
 * batches: that is the caching layer's job, with a TTL and invalidation.
 */
export class Batcher<K, V> {
  readonly #batchFn: BatchFn<K, V>;
  readonly #maxBatchSize: number;
  readonly #schedule: BatchSchedule;
  #batch: Batch<K, V> | undefined;
  #batches = 0;

  constructor(
    batchFn: BatchFn<K, V>,
    { maxBatchSize = Number.POSITIVE_INFINITY, schedule = 'nextTick' }: BatcherOptions = {},
  ) {
    if (maxBatchSize !== Number.POSITIVE_INFINITY && (!Number.isInteger(maxBatchSize) || maxBatchSize < 1))
      throw new RangeError(`maxBatchSize must be a positive integer, got ${maxBatchSize}`);
    this.#batchFn = batchFn;
    this.#maxBatchSize = maxBatchSize;
    this.#schedule = schedule;
  }

  load(key: K): Promise<V> {
    let batch = this.#batch;
    if (!batch) {
      batch = { keys: [], waiters: [], promises: new Map() };
      this.#batch = batch;
      this.#scheduleDispatch(batch);
    }
    const queued = batch.promises.get(key);
    if (queued) return queued;
    const promise = new Promise<V>((resolve, reject) => {
      batch.waiters.push({ resolve, reject });
    });
    batch.keys.push(key);
    batch.promises.set(key, promise);
    return promise;
  }

  loadMany(keys: readonly K[]): Promise<V[]> {
    return Promise.all(keys.map((key) => this.load(key)));
  }

  /** Calls made to `batchFn` so far. */
  get batches(): number {
    return this.#batches;
  }

  #scheduleDispatch(batch: Batch<K, V>): void {
    const dispatch = () => {
      this.#batch = undefined;
      const { keys, waiters } = batch;
      for (let start = 0; start < keys.length; start += this.#maxBatchSize) {
        const end = Math.min(keys.length, start + this.#maxBatchSize);
        void this.#send(keys.slice(start, end), waiters.slice(start, end));
      }
    };
    if (this.#schedule === 'microtask') queueMicrotask(dispatch);
    // A promise job first, then nextTick: when scheduled from a microtask, a nextTick callback runs only
    // after the microtask queue is empty, i.e. after every resolver that was going to call load() has.
    else
      void Promise.resolve().then(() => {
        process.nextTick(dispatch);
      });
  }

  async #send(keys: K[], waiters: Array<Pending<V>>): Promise<void> {
    this.#batches++;
    try {
      const values = await this.#batchFn(keys);
      if (!Array.isArray(values) || values.length !== keys.length)
        throw new TypeError(
          `batch function returned ${Array.isArray(values) ? values.length : typeof values} values for ${keys.length} keys; it must return one per key, in order`,
        );
      for (let i = 0; i < waiters.length; i++) {
        const value = values[i] as V | Error;
        if (value instanceof Error) waiters[i]?.reject(value);
        else waiters[i]?.resolve(value);
      }
    } catch (error) {
      for (const waiter of waiters) waiter.reject(error);
    }
  }
}
