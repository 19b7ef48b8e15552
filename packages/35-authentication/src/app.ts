/**
 * A small API that puts the pieces together: the auth router, a route for any signed-in user and one for
 * admins, and one error handler that answers every failure with the kit's problem body.
 */
import { problemBody, sendProblem } from '@lab/common/problem';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Redis } from 'ioredis';
import type pg from 'pg';
import { HttpError } from './_http-error.ts';
import { authRouter } from './auth-router.ts';
import { type Algorithm, generateSigningKey } from './keys.ts';
import type { PasswordPolicy } from './login.ts';
import { principalOf, requireAuth, requireRole } from './middleware.ts';
import { TokenService } from './token-service.ts';
import { createUsersTable } from './users.ts';

export interface AuthAppOptions {
  pool: pg.Pool;
  tokens: TokenService;
  passwords?: PasswordPolicy;
  realm?: string;
  /** Where unexpected (5xx) errors go; the client only sees "internal error". */
  onError?: (error: unknown) => void;
}

/** Small bodies only: a login is two short strings, and a 10 MB body is refused (413) before it is read. */
export const BODY_LIMIT = '16kb';

export function createAuthApp({
  pool,
  tokens,
  passwords,
  realm = 'api',
  onError = (error) => process.stderr.write(`auth: ${(error as Error).stack ?? String(error)}\n`),
}: AuthAppOptions): express.Express {
  const app = express();
  app.set('x-powered-by', false);
  app.use(express.json({ limit: BODY_LIMIT }));
  app.use('/auth', authRouter({ pool, tokens, passwords, realm }));

  const signedIn = requireAuth(tokens, { realm });
  app.get('/me', signedIn, (req, res) => {
    const principal = principalOf(req);
    res.json({ id: principal?.sub, role: principal?.role });
  });
  app.get('/admin/stats', signedIn, requireRole(['admin'], { realm }), async (_req, res) => {
    const { rows } = await pool.query<{ users: string }>('SELECT count(*) AS users FROM users');
    res.json({ users: Number(rows[0]?.users ?? 0) });
  });

  app.use((_req, _res, next) => next(new HttpError(404, 'not_found', 'no such route')));
  app.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    // Once the status line is out a problem body cannot follow; Express's own handler closes the socket.
    if (res.headersSent) return next(error);
    if (error instanceof HttpError)
      return sendProblem(res, problemBody(error.status, error.code, error.message), error.headers);
    const status = bodyParserStatus(error);
    if (status) return sendProblem(res, problemBody(status, BODY_CODES[status], bodyDetail(status)));
    onError(error);
    sendProblem(res, problemBody(500, 'internal_error', 'internal error'));
  });
  return app;
}

const BODY_CODES = {
  400: 'invalid_body',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
} as const;
type BodyStatus = keyof typeof BODY_CODES;
// body-parser's own messages can quote the input; ours are fixed.
const bodyDetail = (status: BodyStatus) =>
  status === 413
    ? `the body is over ${BODY_LIMIT}`
    : status === 415
      ? 'send the body as UTF-8 JSON'
      : 'the body is not valid JSON';

/**
 * body-parser's errors (malformed JSON, too large, bad charset) carry status 400, 413 or 415. Any other
 * status on an error that is not an HttpError came from deeper code: a bug to log, not the client's body.
 */
function bodyParserStatus(error: unknown): BodyStatus | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return status === 400 || status === 413 || status === 415 ? status : undefined;
}

export interface BuildAuthAppOptions extends Omit<AuthAppOptions, 'tokens'> {
  redis: Redis;
  /** Prefix of every Redis key the app writes (a test's `testKeyPrefix(import.meta.url)`). */
  prefix: string;
  algorithm?: Algorithm;
}

/**
 * Everything `createAuthApp` needs, made from a pool and a Redis client: the users table (in the pool's
 * schema), a fresh signing key and the token service. For tests that drive the app's error paths.
 */
export async function buildAuthApp({
  redis,
  prefix,
  algorithm = 'EdDSA',
  ...options
}: BuildAuthAppOptions): Promise<{ app: express.Express; tokens: TokenService }> {
  await createUsersTable(options.pool);
  const key = await generateSigningKey(algorithm);
  const tokens = new TokenService({ key, issuer: 'https://auth.lab', audience: 'lab-api', redis, prefix });
  return { app: createAuthApp({ ...options, tokens }), tokens };
}
