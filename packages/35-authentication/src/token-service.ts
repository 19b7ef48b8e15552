/**
 * The token lifecycle a service needs, in one object: start a session (login), authenticate an access
 * token (signature + claims + denylist), rotate a refresh token, log out.
 */
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { SessionStore } from './sessions.ts';
import { type AccessClaims, TokenError, TokenSigner, type TokenSignerOptions } from './tokens.ts';
import type { Role } from './users.ts';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  tokenType: 'Bearer';
  /** Seconds until the access token expires. */
  expiresIn: number;
}

export interface TokenServiceOptions extends TokenSignerOptions {
  redis: Redis;
  /** Prefix of every Redis key the service writes. */
  prefix: string;
}

/** Who a refresh is for now: the role may have changed since login, or the user may be gone. */
export type LoadPrincipal = (sub: string) => Promise<{ id: string; role: Role } | undefined>;

export class TokenService {
  readonly signer: TokenSigner;
  readonly sessions: SessionStore;

  constructor(options: TokenServiceOptions) {
    this.signer = new TokenSigner(options);
    this.sessions = new SessionStore(options.redis, {
      prefix: options.prefix,
      familyTtlMs: this.signer.refreshTtlSeconds * 1000,
    });
  }

  /** After a successful login: a new refresh family and its first pair. */
  async startSession(user: { id: string; role: Role }): Promise<TokenPair> {
    const fid = randomUUID();
    const refresh = await this.signer.signRefresh({ sub: user.id, fid });
    await this.sessions.startFamily(fid, user.id, refresh.claims.jti);
    return this.#pair(user, fid, refresh.token);
  }

  async #pair(user: { id: string; role: Role }, fid: string, refreshToken: string): Promise<TokenPair> {
    const access = await this.signer.signAccess({ sub: user.id, role: user.role, fid });
    return {
      accessToken: access.token,
      refreshToken,
      tokenType: 'Bearer',
      expiresIn: this.signer.accessTtlSeconds,
    };
  }

  /** The claims of a valid, unrevoked access token; throws `TokenError` otherwise. */
  async authenticate(accessToken: string): Promise<AccessClaims> {
    const claims = await this.signer.verifyAccess(accessToken);
    if (await this.sessions.isRevoked(claims.jti, claims.fid))
      throw new TokenError('token_revoked', 'the token has been revoked');
    return claims;
  }

  /**
   * Trades a refresh token for a new pair in the same family. A token already used revokes the family
   * (`refresh_token_reused`); so does a user who no longer exists.
   */
  async refresh(refreshToken: string, loadPrincipal: LoadPrincipal): Promise<TokenPair> {
    const claims = await this.signer.verifyRefresh(refreshToken);
    // Loaded before the rotation spends the token: if the lookup fails (the database is down), the client's
    // retry must still find its token current, not be taken for a reuse that ends the session.
    const user = await loadPrincipal(claims.sub);
    const next = await this.signer.signRefresh({ sub: claims.sub, fid: claims.fid });
    const outcome = await this.sessions.rotate(claims.fid, claims.jti, next.claims.jti);
    if (outcome === 'reused')
      throw new TokenError(
        'refresh_token_reused',
        'the refresh token was already used; the session is revoked',
      );
    if (outcome !== 'rotated') throw new TokenError('token_revoked', 'the session has ended');
    if (!user) {
      await this.sessions.revokeFamily(claims.fid);
      throw new TokenError('token_revoked', 'the session has ended');
    }
    return this.#pair(user, claims.fid, next.token);
  }

  /**
   * Denylists one access token by its `jti` until it would expire anyway (a leaked token, a suspicious
   * request): `revoked:jti:<jti>` with a TTL of the token's remaining lifetime. True when an entry was made.
   */
  revokeAccessToken(claims: AccessClaims): Promise<boolean> {
    return this.sessions.revokeJti(claims.jti, claims.exp * 1000 - this.signer.now());
  }

  /** Logout: the whole session ends — its refresh token and every access token issued in it. */
  logout(claims: AccessClaims): Promise<void> {
    return this.sessions.revokeFamily(claims.fid);
  }
}
