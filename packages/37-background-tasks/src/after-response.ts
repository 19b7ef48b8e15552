import type { ServerResponse } from 'node:http';

export interface BackgroundTasksOptions {
  /** Where a failed task's error goes. It never reaches the client (the response is gone) or the process. */
  onError: (error: unknown, name: string) => void;
}

/**
 * Work after the response, in-process: FastAPI's `BackgroundTasks`. Best effort by design: the task lives
 * only in this process's memory, so a crash, a deploy or an OOM kill between the response and the task's
 * end loses it, and nobody retries. Use it for what may be lost (a cache warm-up, an analytics ping); put
 * what must happen on a queue.
 */
export class BackgroundTasks {
  readonly #onError: BackgroundTasksOptions['onError'];
  readonly #pending = new Set<Promise<void>>();
  #started = 0;
  #failed = 0;
  #skipped = 0;

  constructor(options: BackgroundTasksOptions) {
    this.#onError = options.onError;
  }

  /**
   * Runs `task` once the response has been handed to the OS ('finish'). If the connection dies before
   * that ('close' without 'finish'), the task does not run: the client never got the answer it follows.
   */
  after(res: ServerResponse, name: string, task: () => Promise<void> | void): void {
    res.once('finish', () => this.run(name, task));
    res.once('close', () => {
      if (!res.writableFinished) this.#skipped++;
    });
  }

  /** Starts `task` now, isolated: its error is logged, never thrown, and never an unhandled rejection. */
  run(name: string, task: () => Promise<void> | void): void {
    this.#started++;
    const running = (async () => {
      try {
        await task();
      } catch (error) {
        this.#failed++;
        this.#onError(error, name);
      }
    })();
    this.#pending.add(running);
    void running.finally(() => this.#pending.delete(running));
  }

  /** Tasks still running: what a crash now would lose. */
  get pending(): number {
    return this.#pending.size;
  }
  get started(): number {
    return this.#started;
  }
  get failed(): number {
    return this.#failed;
  }
  /** Tasks dropped because their response never finished (the client went away first). */
  get skipped(): number {
    return this.#skipped;
  }

  /** Resolves when every task started so far has ended: what a graceful shutdown waits for. */
  async drain(): Promise<void> {
    while (this.#pending.size > 0) await Promise.all(this.#pending);
  }
}
