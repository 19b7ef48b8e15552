/**
 * A gate in shared memory that worker threads stop at until the main thread opens it. A test hands one to
 * the CPU pool to hold work "in progress" for exactly as long as it needs, so what it asserts rests on
 * counting what happened meanwhile, never on how long the work happens to take on a given machine.
 */

/** Slot 0: 1 once open. Slot 1: threads that have reached the latch. */
const OPEN = 0;
const ARRIVED = 1;

type AsyncWait =
  | { async: false; value: 'not-equal' | 'timed-out' }
  | { async: true; value: Promise<'ok' | 'timed-out'> };

// Atomics.waitAsync is in every Node this repo supports, but only in TypeScript's ES2024 lib (we target ES2023).
const waitAsync = (
  Atomics as unknown as { waitAsync: (a: Int32Array, i: number, v: number, ms: number) => AsyncWait }
).waitAsync;

/** The main thread's side of the gate. One-shot: once open it stays open. */
export class Latch {
  /** What a task carries to a worker (postMessage shares a SharedArrayBuffer, never copies it). */
  readonly cells = new Int32Array(new SharedArrayBuffer(8));

  /** Threads that have reached the latch: those waiting at it and those it has let through. */
  get arrived(): number {
    return Atomics.load(this.cells, ARRIVED);
  }

  get isOpen(): boolean {
    return Atomics.load(this.cells, OPEN) === 1;
  }

  /** Lets every waiting thread through, and every later one straight past. */
  open(): void {
    Atomics.store(this.cells, OPEN, 1);
    Atomics.notify(this.cells, OPEN);
  }

  /**
   * Resolves once `count` threads have reached the latch. Waits with `Atomics.waitAsync`, so this thread's
   * event loop keeps serving requests meanwhile. The timeout only turns a lost worker into an error.
   */
  async arrivals(count: number, timeoutMs = 20_000): Promise<void> {
    for (;;) {
      const seen = this.arrived;
      if (seen >= count) return;
      const wait = waitAsync(this.cells, ARRIVED, seen, timeoutMs);
      if (wait.async && (await wait.value) === 'timed-out')
        throw new Error(`only ${this.arrived} of ${count} threads reached the latch within ${timeoutMs} ms`);
    }
  }
}

/**
 * A worker thread's side: counts itself in, then sleeps in `Atomics.wait` until the latch opens. It blocks
 * the calling thread, so it belongs in a worker; on the main thread it would freeze the event loop.
 */
export function waitAtLatch(cells: Int32Array, timeoutMs = 60_000): void {
  Atomics.add(cells, ARRIVED, 1);
  Atomics.notify(cells, ARRIVED);
  const deadline = Date.now() + timeoutMs;
  // A loop, not one wait: Atomics.wait may return before the latch opens (a timeout slice, a stray notify).
  while (Atomics.load(cells, OPEN) === 0) {
    const left = deadline - Date.now();
    if (left <= 0) throw new Error(`the latch stayed closed for ${timeoutMs} ms`);
    Atomics.wait(cells, OPEN, 0, left);
  }
}
