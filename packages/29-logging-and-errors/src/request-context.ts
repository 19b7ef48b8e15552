import { AsyncLocalStorage, AsyncResource } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** What one request carries through every async call it makes. */
export interface RequestStore {
  readonly requestId: string;
}

/**
 * The request context: Python's `contextvars.ContextVar`, on `AsyncLocalStorage`. A value set by `run`
 * follows the callback through awaits, timers, nextTicks and promise chains without being passed along.
 * One instance per service (not a module global), so two services in one process, or two tests, never
 * read each other's ids.
 */
export class RequestContext {
  readonly #storage = new AsyncLocalStorage<RequestStore>();

  /** Runs `fn` (and everything it starts asynchronously) with `store` as the current context. */
  run<R>(store: RequestStore, fn: () => R): R {
    return this.#storage.run(store, fn);
  }

  /** The current request's store, or undefined outside any request (start-up, a timer set at boot). */
  current(): RequestStore | undefined {
    return this.#storage.getStore();
  }

  /** The current request id, if any. */
  requestId(): string | undefined {
    return this.#storage.getStore()?.requestId;
  }

  /**
   * `fn`, pinned to the context current NOW: call it later from anywhere (a shared emitter, a pooled
   * connection's callback) and it still sees this request. `AsyncResource.bind` is stable on every Node
   * this repo supports; `AsyncLocalStorage.snapshot()` does the same (experimental in Node 20's docs).
   */
  bind<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
    return AsyncResource.bind(fn);
  }
}

/** Longest incoming id we keep: enough for a UUID, a W3C trace id or an AWS trace header, no more. */
export const MAX_REQUEST_ID_LENGTH = 128;

// Letters, digits and . _ : - only: no space (duplicate headers arrive joined by ", "), no control byte,
// nothing a log viewer or a header echo could interpret.
const WELL_FORMED = new RegExp(`^[A-Za-z0-9._:-]{1,${MAX_REQUEST_ID_LENGTH}}$`);

export type RequestIdRefusal = 'not_a_string' | 'empty' | 'too_long' | 'bad_characters';

/** The id a request runs under: the caller's when well-formed, else a fresh one (and why the caller's was not kept). */
export interface AcceptedRequestId {
  requestId: string;
  source: 'header' | 'generated';
  refused?: RequestIdRefusal;
}

function refusal(value: unknown): RequestIdRefusal | undefined {
  if (typeof value !== 'string') return 'not_a_string';
  if (value.length === 0) return 'empty';
  if (value.length > MAX_REQUEST_ID_LENGTH) return 'too_long';
  return WELL_FORMED.test(value) ? undefined : 'bad_characters';
}

/**
 * Decides the request id from an incoming `X-Request-Id` value. A well-formed one is kept, so one id joins
 * the lines of every service a request passes through; anything else (NUL, a control byte, a lone
 * surrogate, 10k characters, an array) is replaced, never truncated or cleaned: a cleaned id would join
 * unrelated requests.
 */
export function acceptRequestId(header: unknown, generate: () => string = randomUUID): AcceptedRequestId {
  if (header === undefined) return { requestId: generate(), source: 'generated' };
  const refused = refusal(header);
  if (refused === undefined) return { requestId: header as string, source: 'header' };
  return { requestId: generate(), source: 'generated', refused };
}
