/**
 * Signing and verifying the two kinds of JWT with jose. Pure: no storage here (revocation and refresh
 * families live in Redis, in sessions.ts). Every failure becomes a `TokenError` with a stable code and a
 * fixed description that is safe to put in a `WWW-Authenticate` header.
 */
import { randomUUID } from 'node:crypto';
import { errors, type JWTPayload, jwtVerify, SignJWT } from 'jose';
import type { SigningKey } from './keys.ts';
import { ROLES, type Role } from './users.ts';

export type TokenUse = 'access' | 'refresh';

/**
 * The header `typ` of each kind: RFC 9068's `at+jwt` for access tokens. jose checks it on verify, so a
 * refresh token presented as an access token fails on the header before any claim is read (RFC 8725 §3.11);
 * the `token_use` claim says the same inside the signed payload.
 */
export const TOKEN_TYPES: Record<TokenUse, string> = { access: 'at+jwt', refresh: 'refresh+jwt' };

export interface AccessClaims {
  sub: string;
  role: Role;
  jti: string;
  /** The refresh family (login session) this token came from: revoking the family revokes it too. */
  fid: string;
  iat: number;
  exp: number;
}

export interface RefreshClaims {
  sub: string;
  jti: string;
  fid: string;
  iat: number;
  exp: number;
}

export type TokenErrorCode =
  | 'token_expired'
  | 'token_algorithm_not_allowed'
  | 'token_signature_invalid'
  | 'token_claim_invalid'
  | 'token_malformed'
  | 'token_revoked'
  | 'refresh_token_reused';

export class TokenError extends Error {
  constructor(
    readonly code: TokenErrorCode,
    /** Fixed text, no user input: it goes into the `error_description` of a header. */
    readonly description: string,
  ) {
    super(description);
  }
}

export interface TokenSignerOptions {
  key: SigningKey;
  issuer: string;
  audience: string;
  /** Default 900 s: a stolen access token is useful for 15 minutes at most. */
  accessTtlSeconds?: number;
  /** Default 14 days; each rotation issues a new one with a fresh lifetime. */
  refreshTtlSeconds?: number;
  /** Wall-clock time in epoch milliseconds (tests pass `manualClock(Date.UTC(…)).now`). */
  now?: () => number;
}

const seconds = (ms: number) => Math.floor(ms / 1000);

export class TokenSigner {
  readonly accessTtlSeconds: number;
  readonly refreshTtlSeconds: number;
  readonly now: () => number;
  readonly #key: SigningKey;
  readonly #issuer: string;
  readonly #audience: string;

  constructor(options: TokenSignerOptions) {
    this.#key = options.key;
    this.#issuer = options.issuer;
    this.#audience = options.audience;
    this.accessTtlSeconds = options.accessTtlSeconds ?? 900;
    this.refreshTtlSeconds = options.refreshTtlSeconds ?? 14 * 24 * 3600;
    this.now = options.now ?? Date.now;
  }

  signAccess(claims: {
    sub: string;
    role: Role;
    fid: string;
  }): Promise<{ token: string; claims: AccessClaims }> {
    const { role, fid } = claims;
    return this.#sign('access', claims.sub, this.accessTtlSeconds, { role, fid });
  }

  signRefresh(claims: { sub: string; fid: string }): Promise<{ token: string; claims: RefreshClaims }> {
    return this.#sign('refresh', claims.sub, this.refreshTtlSeconds, { fid: claims.fid });
  }

  async #sign<C extends AccessClaims | RefreshClaims>(
    use: TokenUse,
    sub: string,
    ttl: number,
    extra: Record<string, string>,
  ): Promise<{ token: string; claims: C }> {
    const iat = seconds(this.now());
    const jti = randomUUID();
    const token = await new SignJWT({ ...extra, token_use: use })
      .setProtectedHeader({ alg: this.#key.alg, typ: TOKEN_TYPES[use], kid: this.#key.kid })
      .setIssuer(this.#issuer)
      .setAudience(this.#audience)
      .setSubject(sub)
      .setJti(jti)
      .setIssuedAt(iat)
      .setExpirationTime(iat + ttl)
      .sign(this.#key.signKey);
    return { token, claims: { ...extra, sub, jti, iat, exp: iat + ttl } as C };
  }

  /** Verifies an access token: signature, algorithm, typ, iss, aud, exp, and the claims this API needs. */
  async verifyAccess(token: string): Promise<AccessClaims> {
    const payload = await this.#verify(token, 'access');
    if (!ROLES.includes(payload.role as Role) || typeof payload.fid !== 'string')
      throw new TokenError('token_claim_invalid', 'the token lacks a valid role or session');
    return payload as unknown as AccessClaims;
  }

  async verifyRefresh(token: string): Promise<RefreshClaims> {
    const payload = await this.#verify(token, 'refresh');
    if (typeof payload.fid !== 'string')
      throw new TokenError('token_claim_invalid', 'the token lacks a session');
    return payload as unknown as RefreshClaims;
  }

  async #verify(token: string, use: TokenUse): Promise<JWTPayload> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.#key.verifyKey, {
        // Pinned: never let the token's own header choose how it is checked (alg: none, HS256 with a public key).
        algorithms: [this.#key.alg],
        typ: TOKEN_TYPES[use],
        issuer: this.#issuer,
        audience: this.#audience,
        // jose checks exp only when present: a token without one would never expire.
        requiredClaims: ['exp', 'iat', 'sub', 'jti'],
        currentDate: new Date(this.now()),
      }));
    } catch (error) {
      throw toTokenError(error);
    }
    if (payload.token_use !== use) throw new TokenError('token_claim_invalid', `not an ${use} token`);
    return payload;
  }
}

/** jose's errors as ours; the descriptions are fixed strings (never the token's content). */
export function toTokenError(error: unknown): TokenError {
  if (error instanceof errors.JWTExpired) return new TokenError('token_expired', 'the token has expired');
  if (error instanceof errors.JOSEAlgNotAllowed)
    return new TokenError('token_algorithm_not_allowed', 'the token algorithm is not allowed');
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return new TokenError('token_signature_invalid', 'the token signature is invalid');
  if (error instanceof errors.JWTClaimValidationFailed) {
    // jose names the claim it checked (exp, aud, iss, typ…); anything unexpected is reported generically.
    const word = (text: string, fallback: string) => (/^[a-z_]{1,16}$/.test(text) ? text : fallback);
    const detail = `the token ${word(error.claim, 'a')} claim is ${word(error.reason, 'invalid')}`;
    return new TokenError('token_claim_invalid', detail);
  }
  return new TokenError('token_malformed', 'the token is malformed');
}
