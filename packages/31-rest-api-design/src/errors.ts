/**
 * One error format for the whole API (the kit's RFC 9457 problem body, `@lab/common/problem`), and the translation of every failure into it: body-parser errors
 * (malformed JSON, too large, wrong charset), zod issues, and PostgreSQL constraint violations. Anything
 * not recognised becomes a 500 whose body says nothing about the internals.
 */
import { type ProblemBody, problemBody } from '@lab/common/problem';
import pg from 'pg';
import type { z } from 'zod';
import type { FieldError } from './schemas.ts';

/** An error that already knows its HTTP answer. Throw it from a handler; the error middleware sends it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly errors?: FieldError[],
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = 'ApiError';
  }
}

/** What the error middleware sends. */
export interface ErrorReply {
  status: number;
  body: ProblemBody;
  headers: Record<string, string>;
}

/** Turns zod issues into the `errors` list: one entry per field, unknown keys listed one by one. */
export function fieldErrors(where: FieldError['in'], issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.flatMap((issue) => {
    const base = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        in: where,
        path: base ? `${base}.${key}` : key,
        message: 'unknown field',
        code: 'unknown_field',
      }));
    }
    return [{ in: where, path: base, message: issue.message, code: issue.code }];
  });
}

/** The statuses a request can fail with before any handler runs, and how the API names them. */
const BODY_PARSER_ERRORS: Record<
  string,
  { status: number; code: string; detail: (e: BodyParserError) => string }
> = {
  'entity.parse.failed': {
    status: 400,
    code: 'malformed_json',
    detail: () => 'the request body is not valid JSON',
  },
  'entity.too.large': {
    status: 413,
    code: 'body_too_large',
    detail: (e) => `the request body is larger than ${e.limit ?? 'the limit'} bytes`,
  },
  'charset.unsupported': {
    status: 415,
    code: 'unsupported_media_type',
    detail: (e) => e.message,
  },
  'encoding.unsupported': {
    status: 415,
    code: 'unsupported_media_type',
    detail: (e) => e.message,
  },
};

/** The fields body-parser (via http-errors) sets on what it throws. */
interface BodyParserError {
  type: string;
  status: number;
  message: string;
  expose?: boolean;
  limit?: number;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  return (
    error instanceof Error &&
    typeof (error as Partial<BodyParserError>).type === 'string' &&
    typeof (error as Partial<BodyParserError>).status === 'number'
  );
}

/** http-errors style: a 4xx the library marked safe to show (the router's bad %-encoding is one). */
function isClientHttpError(error: unknown): error is Error & { status: number } {
  if (!(error instanceof Error)) return false;
  const { status, expose } = error as { status?: unknown; expose?: unknown };
  return typeof status === 'number' && status >= 400 && status < 500 && expose !== false;
}

/**
 * Constraint names from database.ts, mapped to answers. Matching the constraint, not just the SQLSTATE,
 * keeps a new unique index elsewhere from being reported as "email taken".
 */
const CONSTRAINT_ERRORS: Record<string, { status: number; code: string; detail: string }> = {
  users_email_lower_key: {
    status: 409,
    code: 'email_taken',
    detail: 'a user with this email already exists',
  },
  orders_user_id_fkey: {
    status: 409,
    code: 'user_has_orders',
    detail: 'the user has orders; orders are kept for accounting, so the user cannot be deleted',
  },
};

const UNIQUE_VIOLATION = '23505';
const FOREIGN_KEY_VIOLATION = '23503';
// PostgreSQL 18 reports a delete blocked by ON DELETE RESTRICT as restrict_violation, earlier versions as
// foreign_key_violation: the embedded server (18) and a system one (15, say) must give the same answer.
const RESTRICT_VIOLATION = '23001';
const CHECK_VIOLATION = '23514';
// character_not_in_repertoire: U+0000 in a text value. The schemas refuse it first; a route whose schema
// forgot to must still answer 422, not 500.
const CHARACTER_NOT_IN_REPERTOIRE = '22021';

function fromDatabase(error: pg.DatabaseError): ErrorReply | undefined {
  if (
    error.code === UNIQUE_VIOLATION ||
    error.code === FOREIGN_KEY_VIOLATION ||
    error.code === RESTRICT_VIOLATION
  ) {
    const known = error.constraint ? CONSTRAINT_ERRORS[error.constraint] : undefined;
    if (known) return reply(known.status, known.code, known.detail);
  }
  // The schemas should catch these first; if they disagree with the table, it is still the input's fault.
  // The driver's own message names tables and values, so it is not forwarded.
  if (error.code === CHECK_VIOLATION) return reply(422, 'constraint_violation', 'a value is out of range');
  if (error.code === CHARACTER_NOT_IN_REPERTOIRE)
    return reply(422, 'invalid_text', 'a text value contains a character that cannot be stored (U+0000)');
  return undefined;
}

const reply = (
  status: number,
  code: string,
  detail: string,
  errors?: FieldError[],
  headers: Record<string, string> = {},
): ErrorReply => ({ status, body: problemBody(status, code, detail, errors ? { errors } : {}), headers });

/**
 * The answer for any thrown value. Whatever is not recognised becomes a 500 with a fixed message and
 * `internal: true`, so the caller logs the original (app.ts `onError`) instead of sending it.
 */
export function toErrorReply(error: unknown): ErrorReply & { internal: boolean } {
  if (error instanceof ApiError) {
    return { ...reply(error.status, error.code, error.detail, error.errors, error.headers), internal: false };
  }
  if (isBodyParserError(error)) {
    const known = BODY_PARSER_ERRORS[error.type];
    if (known) return { ...reply(known.status, known.code, known.detail(error)), internal: false };
  }
  if (error instanceof pg.DatabaseError) {
    const known = fromDatabase(error);
    if (known) return { ...known, internal: false };
  }
  if (isClientHttpError(error)) {
    return { ...reply(error.status, 'bad_request', error.message), internal: false };
  }
  return { ...reply(500, 'internal_error', 'the server failed to handle this request'), internal: true };
}
