/**
 * One error body for every HTTP API in the repo: RFC 9457 problem details (`application/problem+json`) with
 * two members every client can rely on — `detail` for people and `code` (stable, snake_case) for programs.
 * Extension members are camelCase (`retryAfterSeconds`, `errors`), one style across topics.
 */
import { type ServerResponse, STATUS_CODES } from 'node:http';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export interface ProblemBody {
  /** A URI naming the problem type; `about:blank` means "the status code says it all". */
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  [extension: string]: unknown;
}

const RESERVED = new Set(['type', 'title', 'status', 'detail', 'code']);
const CODE = /^[a-z][a-z0-9_]*$/;
const CAMEL = /^[a-z][A-Za-z0-9]*$/;

/** Builds a problem body; throws on a code or an extension name that breaks the convention (a bug, not input). */
export function problemBody(
  status: number,
  code: string,
  detail: string,
  extensions: Record<string, unknown> = {},
): ProblemBody {
  if (!Number.isInteger(status) || status < 400 || status > 599)
    throw new RangeError(`a problem's status is 4xx or 5xx, got ${status}`);
  if (!CODE.test(code)) throw new RangeError(`a problem code is snake_case, got ${JSON.stringify(code)}`);
  for (const name of Object.keys(extensions)) {
    if (RESERVED.has(name) || !CAMEL.test(name))
      throw new RangeError(`a problem extension member is a new camelCase name, got ${JSON.stringify(name)}`);
  }
  return { type: 'about:blank', title: STATUS_CODES[status] ?? 'Error', status, detail, code, ...extensions };
}

/** Writes a problem answer on any Node response (Express's `res` is one). */
export function sendProblem(
  res: ServerResponse,
  body: ProblemBody,
  headers: Record<string, string> = {},
): void {
  res.statusCode = body.status;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader('content-type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`);
  res.end(JSON.stringify(body));
}

/** Why `value` is not a conforming problem body (empty when it is): the conformance tests use it. */
export function problemViolations(value: unknown, expectedStatus?: number): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return ['body is not a JSON object'];
  const body = value as Record<string, unknown>;
  const out: string[] = [];
  if (typeof body.detail !== 'string' || body.detail.length === 0) out.push('detail is missing or empty');
  if (typeof body.code !== 'string' || !CODE.test(body.code)) out.push('code is missing or not snake_case');
  if (typeof body.title !== 'string') out.push('title is missing');
  if (typeof body.type !== 'string') out.push('type is missing');
  if (typeof body.status !== 'number') out.push('status is missing');
  else if (expectedStatus !== undefined && body.status !== expectedStatus)
    out.push(`status member ${body.status} differs from the response status ${expectedStatus}`);
  for (const name of Object.keys(body))
    if (!RESERVED.has(name) && !CAMEL.test(name)) out.push(`extension member ${name} is not camelCase`);
  if (typeof body.detail === 'string' && /\n\s+at /.test(body.detail))
    out.push('detail contains a stack trace');
  return out;
}
