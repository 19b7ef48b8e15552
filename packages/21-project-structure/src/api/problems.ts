import { type ProblemBody, problemBody } from '@lab/common/problem';
import { ConflictError, DomainError, NotFoundError, ValidationError } from '../services/errors.ts';

/** A request the HTTP layer itself refuses before any service runs: a path id that is not one, an unknown route. */
export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    readonly status: 400 | 404,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

// body-parser's own errors carry a 4xx `status` and a `type`; these are the ones express.json() raises.
const BODY_PARSER_CODES: Record<string, string> = {
  'entity.parse.failed': 'malformed_json',
  'entity.too.large': 'payload_too_large',
  'charset.unsupported': 'unsupported_charset',
  'encoding.unsupported': 'unsupported_encoding',
  'request.aborted': 'request_aborted',
  'request.size.invalid': 'bad_request',
};

function bodyParserProblem(error: unknown): ProblemBody | undefined {
  const { status, type } = (error ?? {}) as { status?: unknown; type?: unknown };
  if (typeof status !== 'number' || status < 400 || status > 499) return undefined;
  const code = (typeof type === 'string' && BODY_PARSER_CODES[type]) || 'bad_request';
  const detail =
    code === 'malformed_json'
      ? 'the request body is not a JSON object or array'
      : `request refused (${code})`;
  return problemBody(status, code, detail);
}

/**
 * The HTTP answer for any error a route throws: domain errors by class (404, 409, 422), the HTTP layer's own
 * refusals (400, body-parser's 4xx), and everything else a 500 whose detail says nothing about internals —
 * no message, no stack, no SQL (those go to whoever logs `onUnexpected`).
 */
export function problemForError(error: unknown): ProblemBody {
  if (error instanceof NotFoundError) return problemBody(404, error.code, error.message);
  if (error instanceof ConflictError) return problemBody(409, error.code, error.message);
  if (error instanceof ValidationError)
    return problemBody(422, error.code, error.message, { issues: error.issues });
  if (error instanceof DomainError) return problemBody(400, error.code, error.message);
  if (error instanceof HttpError) return problemBody(error.status, error.code, error.message);
  return bodyParserProblem(error) ?? problemBody(500, 'internal_error', 'internal error');
}
