import { type ProblemBody, problemBody, sendProblem } from '@lab/common/problem';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import {
  BadRequestError,
  DependencyBusyError,
  DependencyTimeoutError,
  DependencyUnavailableError,
  UpstreamBadResponseError,
} from './errors.ts';

/**
 * The kit's RFC 9457 problem body (`@lab/common/problem`), with a machine-readable `code` a client can switch
 * on; 503s add `retryAfterSeconds`, the same number as the `Retry-After` header.
 */
export type Problem = ProblemBody;

/** Status, headers and body of a problem answer, before Express sends it. */
export interface ProblemResponse {
  status: number;
  headers: Record<string, string>;
  body: Problem;
}

const codeFor = (dependency: string, what: string) => `${dependency.replaceAll('-', '_')}_${what}`;

function problem(status: number, code: string, detail: string, retryAfterSeconds?: number): ProblemResponse {
  const headers: Record<string, string> = {};
  if (retryAfterSeconds !== undefined) headers['retry-after'] = String(retryAfterSeconds);
  return {
    status,
    headers,
    body: problemBody(status, code, detail, retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
  };
}

/**
 * The one place that decides what a failure looks like on the wire:
 * busy → 503 + Retry-After (retrying soon will likely work), unavailable → 503 + a longer Retry-After,
 * a dependency past its deadline → 504, a dependency answering garbage → 502, bad input → 400.
 * Anything unrecognised is a bug: 500 with a generic detail, never the message or stack of the error.
 */
export function toProblem(error: unknown): ProblemResponse {
  if (error instanceof DependencyBusyError)
    return problem(503, codeFor(error.dependency, 'busy'), error.message, error.retryAfterSeconds);
  if (error instanceof DependencyUnavailableError)
    return problem(503, codeFor(error.dependency, 'unavailable'), error.message, error.retryAfterSeconds);
  if (error instanceof DependencyTimeoutError)
    return problem(504, codeFor(error.dependency, 'timeout'), error.message);
  if (error instanceof UpstreamBadResponseError) return problem(502, 'upstream_bad_response', error.message);
  if (error instanceof BadRequestError) return problem(400, 'bad_request', error.message);
  // Express's own 4xx errors (a malformed body, an oversized payload) say they are safe to show.
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status === 'number' && status >= 400 && status < 500 && (error as { expose?: unknown }).expose)
    return problem(status, 'bad_request', (error as Error).message);
  return problem(500, 'internal_error', 'an unexpected error occurred; it has been logged');
}

/** Sends a problem response (used by the error handler and by the 404 fallback). */
function send(res: Parameters<RequestHandler>[1], { headers, body }: ProblemResponse): void {
  sendProblem(res, body, headers);
}

/** Express error middleware: every error becomes a problem+json response. */
export function problemHandler(log: (error: unknown) => void = () => {}): ErrorRequestHandler {
  return (error, _req, res, next) => {
    // Too late to choose a status: let Express cut the connection.
    if (res.headersSent) return next(error);
    const answer = toProblem(error);
    if (answer.status >= 500) log(error);
    send(res, answer);
  };
}

/** The JSON 404 for any route the app does not have. */
export const notFound: RequestHandler = (req, res) => {
  send(res, problem(404, 'not_found', `no route for ${req.method} ${req.path}`));
};
