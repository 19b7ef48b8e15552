/**
 * What can go wrong when a request depends on something else (the database, another service, the CPU pool),
 * as typed errors. Infrastructure code throws these; `problem.ts` turns them into HTTP answers. Route
 * handlers never build a status code for a dependency failure themselves.
 */

export type Dependency = 'postgres' | 'upstream' | 'cpu-pool';

/** A dependency is saturated right now (every pooled connection or worker busy): shed load, ask to retry. */
export class DependencyBusyError extends Error {
  override readonly name = 'DependencyBusyError';
  constructor(
    readonly dependency: Dependency,
    message: string,
    /** Seconds the client should wait before retrying; becomes `Retry-After`. */
    readonly retryAfterSeconds = 1,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** A dependency took longer than its deadline; the work was given up (and, where possible, cancelled). */
export class DependencyTimeoutError extends Error {
  override readonly name = 'DependencyTimeoutError';
  constructor(
    readonly dependency: Dependency,
    message: string,
    readonly timeoutMs: number | undefined,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** A dependency could not be reached at all (refused, too many connections, shutting down). */
export class DependencyUnavailableError extends Error {
  override readonly name = 'DependencyUnavailableError';
  constructor(
    readonly dependency: Dependency,
    message: string,
    readonly retryAfterSeconds = 5,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** A dependency answered, but not with something usable (a 5xx, a body that is not JSON). */
export class UpstreamBadResponseError extends Error {
  override readonly name = 'UpstreamBadResponseError';
  constructor(
    message: string,
    readonly upstreamStatus: number | undefined,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** The client sent something the API will not act on. */
export class BadRequestError extends Error {
  override readonly name = 'BadRequestError';
}
