/**
 * `/auth/login`, `/auth/refresh` and `/auth/logout`. The two endpoints that hand out tokens answer like an
 * OAuth 2.0 token endpoint (RFC 6749 §5): 200 with `Cache-Control: no-store`, and 400 for bad credentials
 * or a bad refresh token. Not 401: a client that retries every 401 by refreshing would loop on the refresh
 * call itself, and a 401 would owe the client a `WWW-Authenticate` scheme to retry with.
 */
import express, { type Request, type Response, type Router } from 'express';
import type pg from 'pg';
import type { z } from 'zod';
import { HttpError } from './_http-error.ts';
import { loginBody, parseBody, refreshBody } from './credentials.ts';
import { checkCredentials, type PasswordPolicy } from './login.ts';
import { type AuthOptions, principalOf, requireAuth } from './middleware.ts';
import type { TokenPair, TokenService } from './token-service.ts';
import { TokenError } from './tokens.ts';
import { findUserById } from './users.ts';

export interface AuthRouterOptions extends AuthOptions {
  pool: pg.Pool;
  tokens: TokenService;
  passwords?: PasswordPolicy;
}

function body<T>(schema: z.ZodType<T>, req: Request): T {
  const parsed = parseBody(schema, req.body);
  if (!parsed.ok) throw new HttpError(400, 'invalid_body', parsed.detail);
  return parsed.value;
}

function sendTokens(res: Response, pair: TokenPair): void {
  // Tokens are credentials: no cache may keep a copy (RFC 6749 §5.1).
  res.set({ 'Cache-Control': 'no-store' }).json(pair);
}

export function authRouter({ pool, tokens, passwords, realm }: AuthRouterOptions): Router {
  const router = express.Router();

  router.post('/login', async (req, res) => {
    const { email, password } = body(loginBody, req);
    const result = await checkCredentials(pool, email, password, passwords);
    // One answer for "no such email" and "wrong password": the response must not confirm an account exists.
    if (!result) throw new HttpError(400, 'invalid_credentials', 'the email or the password is wrong');
    sendTokens(res, await tokens.startSession(result.user));
  });

  router.post('/refresh', async (req, res) => {
    const { refreshToken } = body(refreshBody, req);
    try {
      sendTokens(res, await tokens.refresh(refreshToken, (sub) => findUserById(pool, sub)));
    } catch (error) {
      if (!(error instanceof TokenError)) throw error;
      throw new HttpError(400, error.code, error.description);
    }
  });

  router.post('/logout', requireAuth(tokens, { realm }), async (req, res) => {
    const principal = principalOf(req);
    if (principal) await tokens.logout(principal);
    res.status(204).end();
  });

  return router;
}
