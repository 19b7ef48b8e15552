/**
 * `requireAuth` (who are you? → 401) and `requireRole` (may you? → 403) for Express. The claims of an
 * authenticated request are kept in a WeakMap keyed by the request: typed, and gone with the request.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { HttpError } from './_http-error.ts';
import type { TokenService } from './token-service.ts';
import { type AccessClaims, TokenError } from './tokens.ts';
import type { Role } from './users.ts';
import { bearerChallenge } from './www-authenticate.ts';

const principals = new WeakMap<Request, AccessClaims>();

/** The claims `requireAuth` accepted for this request, or undefined when it did not run. */
export function principalOf(req: Request): AccessClaims | undefined {
  return principals.get(req);
}

export interface AuthOptions {
  /** The protection space named in `WWW-Authenticate`. */
  realm?: string;
}

// RFC 6750 §2.1: "Bearer" 1*SP b64token, where b64token is base64url / base64 characters and trailing "=".
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i;
const SCHEME = /^Bearer(\s|$)/i;

/**
 * The token from `Authorization: Bearer <token>`. No header, or another scheme: 401 without an error code
 * (RFC 6750 §3.1: the client simply did not try). A Bearer header that is not one token: 400 invalid_request.
 */
function bearerToken(req: Request, realm: string): string {
  const header = req.get('authorization');
  if (header === undefined || !SCHEME.test(header))
    throw new HttpError(401, 'missing_token', 'send Authorization: Bearer <access token>', {
      'WWW-Authenticate': bearerChallenge({ realm }),
    });
  const token = BEARER.exec(header)?.[1];
  if (token === undefined || token.length > 4096)
    throw new HttpError(400, 'invalid_request', 'the Authorization header must be "Bearer" and one token', {
      'WWW-Authenticate': bearerChallenge({
        realm,
        error: 'invalid_request',
        description: 'malformed Authorization header',
      }),
    });
  return token;
}

/** 401 with `error="invalid_token"` and the reason, for every way a token can be wrong. */
export function invalidToken(error: TokenError, realm: string): HttpError {
  return new HttpError(401, error.code, error.description, {
    'WWW-Authenticate': bearerChallenge({ realm, error: 'invalid_token', description: error.description }),
  });
}

/** Lets a request through only with a valid, unrevoked access token. */
export function requireAuth(tokens: TokenService, { realm = 'api' }: AuthOptions = {}): RequestHandler {
  return async (req: Request, _res: Response, next: NextFunction) => {
    const token = bearerToken(req, realm);
    try {
      principals.set(req, await tokens.authenticate(token));
    } catch (error) {
      // Anything else (Redis down) is not the client's fault: it reaches the error handler as it is.
      throw error instanceof TokenError ? invalidToken(error, realm) : error;
    }
    next();
  };
}

/**
 * Lets a request through only when `requireAuth` accepted it and its role is one of `roles`: 403 for a
 * known user without the role (re-authenticating would not help), 401 when no one is authenticated.
 */
export function requireRole(roles: readonly Role[], { realm = 'api' }: AuthOptions = {}): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    const principal = principals.get(req);
    if (!principal)
      // Mounted without requireAuth in front: refuse rather than let everyone in.
      throw new HttpError(401, 'missing_token', 'send Authorization: Bearer <access token>', {
        'WWW-Authenticate': bearerChallenge({ realm }),
      });
    if (!roles.includes(principal.role))
      throw new HttpError(403, 'insufficient_role', `this needs the role ${roles.join(' or ')}`, {
        'WWW-Authenticate': bearerChallenge({
          realm,
          error: 'insufficient_scope',
          description: 'the token lacks the required role',
          scope: roles.join(' '),
        }),
      });
    next();
  };
}
