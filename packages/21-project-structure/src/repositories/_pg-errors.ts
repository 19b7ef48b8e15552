import { DuplicateKeyError, ForeignKeyError, InvalidTextError, RepositoryError } from './errors.ts';

interface PgErrorFields {
  code?: unknown;
  constraint?: unknown;
}

/** A pg DatabaseError → a repository error; anything else (a lost connection, a bug) passes through as is. */
export function translatePgError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const { code, constraint } = error as Error & PgErrorFields;
  const name = typeof constraint === 'string' ? constraint : 'unknown_constraint';
  switch (code) {
    case '23505':
      return new DuplicateKeyError(name, { cause: error });
    case '23503':
      return new ForeignKeyError(name, { cause: error });
    case '22021':
      return new InvalidTextError('the database refused the bytes of a text value', { cause: error });
    case '22P05':
      return new InvalidTextError('the database cannot store this text (untranslatable character)', {
        cause: error,
      });
    default:
      return typeof code === 'string'
        ? new RepositoryError(`database error ${code}`, { cause: error })
        : error;
  }
}

/** Runs a query function and rethrows what it throws as a repository error. */
export async function translated<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw translatePgError(error);
  }
}
