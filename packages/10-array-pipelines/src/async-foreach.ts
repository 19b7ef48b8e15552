/**
 * `forEach` ignores what its callback returns, so an `async` callback's promise is dropped: nothing waits
 * for it and nothing sees its rejection. `for…of` with `await` runs the work in order; `Promise.all` over
 * `map` runs it concurrently and still waits for all of it.
 */

/** A unit of async work over one item. */
export type Worker<T, R> = (item: T) => Promise<R>;

/**
 * The pitfall: looks like "process every item, then return", but returns as soon as every callback has
 * *started*. The results are lost, and a rejection becomes an unhandled rejection instead of an error here.
 */
export async function processWithForEach<T>(items: readonly T[], worker: Worker<T, unknown>): Promise<void> {
  items.forEach(async (item) => {
    await worker(item);
  });
}

/** One after another: each `await` finishes before the next item starts. */
export async function processSequentially<T, R>(items: readonly T[], worker: Worker<T, R>): Promise<R[]> {
  const results: R[] = [];
  for (const item of items) results.push(await worker(item));
  return results;
}

/** All at once, and wait for every one: results in input order whatever order they finish in. */
export function processConcurrently<T, R>(items: readonly T[], worker: Worker<T, R>): Promise<R[]> {
  return Promise.all(items.map(worker));
}
