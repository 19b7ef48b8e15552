/**
 * Background work a request starts and nobody awaits (an email, an audit write): tracked so a shutdown can
 * wait for it instead of cutting it off. Errors are reported, never thrown.
 */
export class PendingWork {
  readonly #running = new Set<Promise<void>>();
  readonly #onError: (error: unknown) => void;

  constructor(onError: (error: unknown) => void) {
    this.#onError = onError;
  }

  get size(): number {
    return this.#running.size;
  }

  start(work: () => Promise<void>): void {
    // An async wrapper, so a task that throws before returning a promise is caught like one that rejects.
    const running = (async () => work())().catch(this.#onError);
    this.#running.add(running);
    void running.finally(() => this.#running.delete(running));
  }

  /** Resolves once everything started so far, and anything it started meanwhile, has ended. */
  async drain(): Promise<void> {
    while (this.#running.size > 0) await Promise.all(this.#running);
  }
}
