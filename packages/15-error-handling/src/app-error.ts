import { type ProblemBody, problemBody } from '@lab/common/problem';

/** Details an error carries for programs: field names, ids, limits. Never secrets: they end up in logs. */
export type ErrorDetails = Readonly<Record<string, unknown>>;

export interface AppErrorOptions {
  details?: ErrorDetails;
  /** The lower-level error this one explains (Python's `raise … from cause`). */
  cause?: unknown;
}

/** `Line Item` → `line_item`: a resource name as the start of a code. */
const snakeCase = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]+/g, '_');

const CODE = /^[a-z][a-z0-9_]*$/;

/**
 * The root of the application's errors: a stable snake_case `code` for programs, an HTTP `status` for the edge,
 * `details` for the caller, a message for people. Catch `AppError` to handle every expected failure;
 * anything else is a bug.
 */
export class AppError extends Error {
  /** HTTP status the edge answers with; subclasses fix it. */
  readonly status: number = 500;
  readonly code: string;
  readonly details: ErrorDetails;

  constructor(message: string, code: string, options: AppErrorOptions = {}) {
    // `cause` goes to Error's own constructor, so it is a real (non-enumerable) `cause` property.
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    // Checked here, where the bad code is written, not at the edge, where it would turn an answer into a 500.
    if (!CODE.test(code)) throw new RangeError(`an error code is snake_case, got ${JSON.stringify(code)}`);
    this.code = code;
    this.details = options.details ?? {};
    // The subclass's name (what the stack's first line and `util.inspect` show), kept non-enumerable like
    // Error's own, so it does not clutter logs that serialise the error's fields.
    Object.defineProperty(this, 'name', { value: new.target.name, configurable: true, writable: true });
  }
}

/** 400: the input broke a rule. */
export class ValidationError extends AppError {
  override readonly status = 400;
}

/** 404: the thing asked for does not exist. */
export class NotFoundError extends AppError {
  override readonly status = 404;
  constructor(resource: string, id: string | number, options: AppErrorOptions = {}) {
    super(`${resource} ${id} not found`, `${snakeCase(resource)}_not_found`, {
      ...options,
      details: { resource, id, ...options.details },
    });
  }
}

/** 409: the request clashes with the current state (a duplicate, a stale version). */
export class ConflictError extends AppError {
  override readonly status = 409;
}

/** 503: a dependency (database, upstream API) failed; the request may work later. */
export class DependencyError extends AppError {
  override readonly status = 503;
}

/**
 * The JSON an API answers with: the repo's one problem body (`@lab/common/problem`, RFC 9457), `detail` for
 * people, `code` for programs, and `details` as an extension member when the error has any.
 */
export type ErrorBody = ProblemBody & { details?: ErrorDetails };

/**
 * Maps any thrown value to a status and a body. An `AppError` says what it is; anything else is a bug, so
 * its message (which may hold internals) is not shown: a generic 500 is.
 */
export function toHttp(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof AppError) {
    const details = Object.keys(error.details).length > 0 ? { details: error.details } : {};
    return { status: error.status, body: problemBody(error.status, error.code, error.message, details) };
  }
  return { status: 500, body: problemBody(500, 'internal_error', 'internal error') };
}
