/**
 * A one-shot barrier on shared memory: each caller adds itself to `arrivals[0]`, then sleeps in
 * `Atomics.wait` until `expected` callers have arrived. Only threads can use it: `Atomics.wait` would
 * freeze an event loop, which is why browsers refuse it on the main thread (Node allows it, but don't).
 * Returns false if the others did not all arrive within `timeoutMs` — a barrier that can hang forever
 * turns one lost thread into a frozen process.
 */
export function arriveAndWait(arrivals: Int32Array, expected: number, timeoutMs: number): boolean {
  Atomics.add(arrivals, 0, 1);
  Atomics.notify(arrivals, 0);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const arrived = Atomics.load(arrivals, 0);
    if (arrived >= expected) return true;
    const left = deadline - Date.now();
    if (left <= 0) return false;
    // Sleeps only while the value is still `arrived`; a newcomer's notify (or a change) wakes us to recheck.
    Atomics.wait(arrivals, 0, arrived, left);
  }
}
