interface Entry {
  name: string;
  dispose: () => Promise<unknown> | unknown;
}

/**
 * What a composition root opened, closed in reverse: the HTTP server before the services that answer it,
 * the services before the pools they query. Every disposer runs even when one fails; the failures come back
 * together as one AggregateError. Disposing twice is the same as once (a signal handler and a `finally` may
 * both try).
 */
export class Lifecycle implements AsyncDisposable {
  readonly #entries: Entry[] = [];
  #disposing: Promise<void> | undefined;
  /** Names in the order they were disposed: what a test asserts. */
  readonly disposed: string[] = [];

  /** Registers `resource` for disposal and hands it back, so acquisition reads as one line. */
  use<T>(name: string, resource: T, dispose: (resource: T) => Promise<unknown> | unknown): T {
    if (this.#disposing) throw new Error(`cannot add ${name}: the lifecycle is already disposed`);
    this.#entries.push({ name, dispose: () => dispose(resource) });
    return resource;
  }

  dispose(): Promise<void> {
    this.#disposing ??= this.#disposeAll();
    return this.#disposing;
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.dispose();
  }

  async #disposeAll(): Promise<void> {
    const failures: unknown[] = [];
    for (const entry of this.#entries.toReversed()) {
      try {
        await entry.dispose();
        this.disposed.push(entry.name);
      } catch (error) {
        failures.push(new Error(`disposing ${entry.name} failed`, { cause: error }));
      }
    }
    if (failures.length > 0) throw new AggregateError(failures, `${failures.length} disposer(s) failed`);
  }
}
