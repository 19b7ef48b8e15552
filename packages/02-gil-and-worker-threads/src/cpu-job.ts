/**
 * The CPU-bound job every section runs: `n` rounds of 32-bit integer mixing. It has the shape of the
 * Python series' `cpu_heavy(n)` (a tight arithmetic loop whose cost grows linearly with `n`) but returns
 * a checksum, so a result computed on another thread can be compared bit for bit with one computed here.
 */

/** Largest `n` accepted: about 3 s of work on a 2020s core; larger is almost surely a unit mistake. */
export const MAX_WORK = 2_000_000_000;

/** Throws a RangeError unless `n` is a whole number of rounds in 0..MAX_WORK. */
export function assertWorkSize(n: unknown): asserts n is number {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > MAX_WORK) {
    throw new RangeError(`work size must be an integer from 0 to ${MAX_WORK}, got ${String(n)}`);
  }
}

/** Mixing state before the first round; exported so a partitioned run can start from the same place. */
export const INITIAL_STATE = 0x811c9dc5 | 0;

/**
 * Runs rounds `from` (inclusive) to `to` (exclusive) on `state` and returns the new state. Splitting a job
 * into ranges gives the same answer as running it whole, which is what lets it be chunked or farmed out.
 */
export function mixRange(state: number, from: number, to: number): number {
  let h = state;
  for (let i = from; i < to; i++) {
    // Math.imul keeps the multiply in 32-bit integers, so V8 never falls back to doubles.
    h = Math.imul(h ^ i, 0x01000193);
    h ^= h >>> 13;
  }
  return h;
}

/** The whole job: `n` rounds, synchronously, on whatever thread calls it. Returns an unsigned 32-bit checksum. */
export function cpuHeavy(n: number): number {
  assertWorkSize(n);
  return mixRange(INITIAL_STATE, 0, n) >>> 0;
}
