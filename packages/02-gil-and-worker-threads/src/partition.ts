import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { assertWorkSize, INITIAL_STATE, mixRange } from './cpu-job.ts';

/**
 * `cpuHeavy(n)` cut into slices of `chunk` rounds, yielding to the event loop between slices. Still one
 * thread, so it is no faster; it only bounds how long timers and I/O callbacks wait (about one slice).
 * This is Node's cooperative answer when a worker is overkill, much like `await asyncio.sleep(0)` in a loop.
 */
export async function cpuHeavyPartitioned(n: number, chunk = 250_000): Promise<number> {
  assertWorkSize(n);
  if (!Number.isInteger(chunk) || chunk < 1)
    throw new RangeError(`chunk must be a positive integer, got ${chunk}`);
  let state = INITIAL_STATE;
  for (let from = 0; from < n; from += chunk) {
    state = mixRange(state, from, Math.min(n, from + chunk));
    // setImmediate, not process.nextTick or a resolved promise: those run before timers and I/O, so
    // yielding through them would starve the loop just as badly as not yielding at all.
    if (from + chunk < n) await yieldToLoop();
  }
  return state >>> 0;
}
