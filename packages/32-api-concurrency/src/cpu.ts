/**
 * The CPU-bound work the API is asked to do: counting primes by trial division. It stands in for image
 * resizing, PDF rendering, password hashing or a big JSON transform: pure computation with no I/O, so no
 * `await` inside it can ever let the event loop serve anyone else.
 */

/** The largest `limit` the API accepts: about a second of work on one core, so one request cannot wedge a worker. */
export const MAX_PRIME_LIMIT = 5_000_000;

/** How many primes are below `limit` (2 ≤ p < limit). Deliberately naive: the cost is the point. */
export function countPrimes(limit: number): number {
  if (!Number.isSafeInteger(limit) || limit < 0)
    throw new RangeError(`limit must be a non-negative integer: ${limit}`);
  let count = 0;
  for (let n = 2; n < limit; n++) {
    let prime = true;
    for (let d = 2; d * d <= n; d++) {
      if (n % d === 0) {
        prime = false;
        break;
      }
    }
    if (prime) count++;
  }
  return count;
}
