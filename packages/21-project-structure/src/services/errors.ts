/** One issue of a refused input: where (`lines.0.quantity`) and what. */
export interface ValidationIssue {
  path: string;
  message: string;
}

/**
 * The errors the business layer speaks. Each has a stable snake_case `code` a client can switch on; the
 * HTTP layer maps the class to a status, and nothing below the services knows HTTP exists.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
}

/** The entity does not exist (or the id cannot name one). */
export class NotFoundError extends DomainError {
  override name = 'NotFoundError';
  readonly code: string;
  constructor(
    readonly entity: 'user' | 'order',
    readonly id: number,
    options?: ErrorOptions,
  ) {
    super(`no ${entity} with id ${id}`, options);
    this.code = `${entity}_not_found`;
  }
}

/** The request is valid but collides with the current state (a taken email, an order already cancelled). */
export class ConflictError extends DomainError {
  override name = 'ConflictError';
  constructor(
    readonly code: 'email_taken' | 'order_not_cancellable',
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** The input breaks the model's rules; `issues` lists every one, not just the first. */
export class ValidationError extends DomainError {
  override name = 'ValidationError';
  readonly code = 'validation_failed';
  constructor(
    readonly issues: ValidationIssue[],
    options?: ErrorOptions,
  ) {
    super(
      `invalid input: ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')}`,
      options,
    );
  }
}
