/**
 * Holding concurrent work at a point of the test's choosing, without sleeping: the tools behind "two
 * requests overlap", "the handler is mid-job", "the listener is still running".
 */

export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(reason: unknown): void;
}

/** A promise and the functions that settle it (`Promise.withResolvers`, which Node 20 lacks). */
export function deferred<T = void>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/**
 * A barrier for `parties` callers: each call waits until `parties` calls have been made, then all go on
 * together. Work held there is certainly overlapping, whatever the machine's load.
 */
export function barrier(parties: number): () => Promise<void> {
  if (!Number.isInteger(parties) || parties < 1)
    throw new RangeError(`a barrier needs 1 or more parties, got ${parties}`);
  let arrived = 0;
  const open = deferred();
  return () => {
    arrived++;
    if (arrived === parties) open.resolve();
    return open.promise;
  };
}
