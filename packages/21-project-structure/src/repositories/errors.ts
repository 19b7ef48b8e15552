/**
 * What the data layer tells the layer above when the database refuses something: named for the repository's
 * vocabulary (a duplicate key, a missing parent row), not for the driver's (SQLSTATE 23505), so the services
 * never import pg. The driver's error stays reachable as `cause` for logs.
 */
export class RepositoryError extends Error {
  override name = 'RepositoryError';
}

/** A unique constraint refused the row (SQLSTATE 23505). */
export class DuplicateKeyError extends RepositoryError {
  override name = 'DuplicateKeyError';
  constructor(
    readonly constraint: string,
    options?: ErrorOptions,
  ) {
    super(`duplicate key violates ${constraint}`, options);
  }
}

/** A foreign key refused the row: the row it points at does not exist (SQLSTATE 23503). */
export class ForeignKeyError extends RepositoryError {
  override name = 'ForeignKeyError';
  constructor(
    readonly constraint: string,
    options?: ErrorOptions,
  ) {
    super(`foreign key ${constraint} refers to a missing row`, options);
  }
}

/** The database refused the bytes of a text value, e.g. NUL (SQLSTATE 22021). */
export class InvalidTextError extends RepositoryError {
  override name = 'InvalidTextError';
}
