import type { TransferListItem, Worker } from 'node:worker_threads';
import { startTsWorker, workerPath } from '@lab/common/workers';

const probeWorkerFile = workerPath(new URL('./_probe-worker.ts', import.meta.url));

/** A request to the probe worker. */
export interface ProbeRequest {
  id: number;
  op: 'describe' | 'bump';
  value: unknown;
}

/** The probe worker's answer. */
export type ProbeReply =
  | { id: number; ok: true; value: string | number }
  | { id: number; ok: false; error: string };

/**
 * A long-lived worker that shows what crossing an isolate boundary does to a value. Everything sent with
 * `postMessage` is copied by the structured clone algorithm: plain data, Map, Set, Date, RegExp, typed arrays
 * and errors survive; class prototypes are dropped; functions, symbols and class private state cannot be
 * sent at all (DataCloneError). A SharedArrayBuffer is the exception: it is shared, not copied.
 */
export class IsolateProbe {
  readonly #worker: Worker;
  readonly #pending = new Map<
    number,
    { resolve: (v: string | number) => void; reject: (e: Error) => void }
  >();
  #nextId = 1;

  constructor() {
    this.#worker = startTsWorker(probeWorkerFile);
    this.#worker.on('message', (reply: ProbeReply) => {
      const waiting = this.#pending.get(reply.id);
      if (!waiting) return;
      this.#pending.delete(reply.id);
      if (reply.ok) waiting.resolve(reply.value);
      else waiting.reject(new Error(reply.error));
    });
    this.#worker.on('error', (error) => {
      for (const waiting of this.#pending.values()) waiting.reject(error);
      this.#pending.clear();
    });
  }

  /** The constructor name the worker sees for its copy of `value` (e.g. 'Object' for a class instance). */
  async describe(value: unknown, transfer: readonly TransferListItem[] = []): Promise<string> {
    return String(await this.#send('describe', value, transfer));
  }

  /**
   * Asks the worker to add 1 to `value.count` (or to slot 0 of an Int32Array) and resolves with the value
   * the worker now sees. Compare with the caller's own copy: a clone diverges, shared memory does not.
   */
  async bump(value: { count: number } | Int32Array): Promise<number> {
    return Number(await this.#send('bump', value, []));
  }

  #send(
    op: ProbeRequest['op'],
    value: unknown,
    transfer: readonly TransferListItem[],
  ): Promise<string | number> {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      try {
        // Throws DataCloneError synchronously, here in the sender, for a value that cannot be cloned.
        this.#worker.postMessage({ id, op, value } satisfies ProbeRequest, [...transfer]);
      } catch (error) {
        this.#pending.delete(id);
        reject(error as Error);
      }
    });
  }

  /** Stops the worker thread. */
  async close(): Promise<void> {
    await this.#worker.terminate();
  }
}
