import { AsyncLocalStorage } from 'node:async_hooks';

/** Asked for the current request's value outside any request: a wiring bug, never a reason to guess. */
export class OutOfScopeError extends Error {
  override name = 'OutOfScopeError';
  constructor(what: string) {
    super(`${what} is request-scoped: it was read outside a request scope`);
  }
}

/**
 * A value that lives as long as one request (its id, its user, its logger), carried by AsyncLocalStorage:
 * every callback, promise continuation and timer started inside `run` sees that request's value, and code
 * running for another request at the same time sees its own. Singletons read it at call time through
 * `current()`, so they never have to be rebuilt per request.
 */
export class RequestScope<T> {
  readonly #storage = new AsyncLocalStorage<T>();

  constructor(private readonly what = 'the request context') {}

  run<R>(value: T, fn: () => R): R {
    return this.#storage.run(value, fn);
  }

  /** The current request's value; throws `OutOfScopeError` outside a request. */
  current(): T {
    const value = this.#storage.getStore();
    if (value === undefined) throw new OutOfScopeError(this.what);
    return value;
  }

  /** The current request's value, or undefined outside a request (for code that also runs at start-up). */
  find(): T | undefined {
    return this.#storage.getStore();
  }
}

/** What this service keeps per request. */
export interface RequestInfo {
  requestId: string;
}
