/**
 * Every failure → the kit's problem body (`@lab/common/problem`). The parser's errors (malformed JSON, too
 * large, wrong charset, a forbidden key), validation errors, refused URLs: 4xx with a stable code. Anything
 * unrecognised is a 500 that says nothing about the internals and goes to `onError`.
 */
import { type ProblemBody, problemBody, sendProblem } from '@lab/common/problem';
import type { ErrorRequestHandler } from 'express';
import pg from 'pg';
import { z } from 'zod';
import { ForbiddenKeyError } from './json-guard.ts';
import { SafeFetchError } from './safe-fetch.ts';
import { fieldErrors } from './schemas.ts';

/** An error that already knows its answer. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    detail: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail);
    this.name = 'HttpError';
  }
}

/** body-parser's error types (http-errors' `type` field) and what they mean to a client. */
const PARSER_ERRORS: Record<string, { status: number; code: string; detail: string }> = {
  'entity.parse.failed': {
    status: 400,
    code: 'malformed_json',
    detail: 'the request body is not valid JSON',
  },
  'entity.too.large': {
    status: 413,
    code: 'body_too_large',
    detail: 'the request body is larger than allowed',
  },
  'entity.verify.failed': { status: 400, code: 'bad_request', detail: 'the request body was refused' },
  'request.aborted': { status: 400, code: 'request_aborted', detail: 'the request body was cut off' },
  'request.size.invalid': {
    status: 400,
    code: 'bad_request',
    detail: 'the body length does not match its header',
  },
  'charset.unsupported': { status: 415, code: 'unsupported_media_type', detail: 'send JSON as UTF-8' },
  'encoding.unsupported': {
    status: 415,
    code: 'unsupported_media_type',
    detail: 'unsupported content-encoding',
  },
};

/** Turns any thrown value into a problem body; `internal` marks the ones to log. */
export function toProblem(error: unknown): { body: ProblemBody; internal: boolean } {
  const answer = (status: number, code: string, detail: string, extensions?: Record<string, unknown>) => ({
    body: problemBody(status, code, detail, extensions),
    internal: false,
  });
  if (error instanceof HttpError) return answer(error.status, error.code, error.message, error.extensions);
  // Checked before the parser's errors: body-parser wraps the reviver's throw as 'entity.parse.failed'.
  if (error instanceof ForbiddenKeyError) return answer(400, 'forbidden_key', error.message);
  if (error instanceof z.ZodError) {
    const errors = fieldErrors(error.issues);
    const named = [...new Set(errors.map((e) => e.path || '(body)'))].slice(0, 5).join(', ');
    return answer(400, 'validation_failed', `the request is invalid: ${named}`, { errors });
  }
  if (error instanceof SafeFetchError) {
    return error.refused
      ? answer(422, 'url_refused', error.message, { reason: error.code })
      : answer(502, 'upstream_failed', error.message, { reason: error.code });
  }
  // The one constraint a valid request can still break: two users with one email.
  if (error instanceof pg.DatabaseError && error.code === '23505' && error.constraint === 'users_email_key')
    return answer(409, 'email_taken', 'another user has this email');
  const type = (error as { type?: unknown } | null)?.type;
  const known = typeof type === 'string' ? PARSER_ERRORS[type] : undefined;
  if (known) return answer(known.status, known.code, known.detail);
  // The router's own 4xx (a URIError with status 400 for a %-escape that does not decode) and http-errors
  // that are safe to show (`expose` is false only on errors meant to stay private).
  const { status, expose } = (error ?? {}) as { status?: unknown; expose?: unknown };
  if (typeof status === 'number' && status >= 400 && status < 500 && expose !== false)
    return answer(status, 'bad_request', 'the request could not be read');
  return {
    body: problemBody(500, 'internal_error', 'the server failed to handle this request'),
    internal: true,
  };
}

/** The last middleware of an app: a problem body for every error, the stack to `onError` only. */
export function problemErrorHandler(onError: (error: unknown) => void): ErrorRequestHandler {
  return (error, _req, res, next) => {
    // Once the status line is out, a body cannot follow: Express's own handler closes the socket.
    if (res.headersSent) return next(error);
    const { body, internal } = toProblem(error);
    if (internal) onError(error);
    sendProblem(res, body);
  };
}
