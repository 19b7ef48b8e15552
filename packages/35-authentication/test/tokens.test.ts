/** TokenSigner and the header builder on their own (no Redis): every algorithm, the clock edges, the mapping. */
import { webcrypto } from 'node:crypto';
import { manualClock } from '@lab/common/clock';
import { errors, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { decodeSegments, tamperPayload } from '../src/forged-tokens.ts';
import { ALGORITHMS, generateSigningKey, hmacKey } from '../src/keys.ts';
import { TOKEN_TYPES, TokenError, TokenSigner, toTokenError } from '../src/tokens.ts';
import { bearerChallenge } from '../src/www-authenticate.ts';

const START = Date.UTC(2030, 0, 1);

async function signer(alg: (typeof ALGORITHMS)[number], clock = manualClock(START)) {
  const key = await generateSigningKey(alg);
  return {
    clock,
    tokens: new TokenSigner({ key, issuer: 'iss', audience: 'aud', now: clock.now, accessTtlSeconds: 60 }),
  };
}

describe.each(ALGORITHMS)('%s', (alg) => {
  it('signs with the pinned clock and verifies its own access and refresh tokens', async () => {
    const { tokens } = await signer(alg);
    const access = await tokens.signAccess({ sub: '1', role: 'admin', fid: 'f' });
    expect(decodeSegments(access.token).header).toEqual({
      alg,
      typ: 'at+jwt',
      kid: `${alg.toLowerCase()}-1`,
    });
    expect(access.claims.iat).toBe(START / 1000);
    expect(access.claims.exp).toBe(START / 1000 + 60);
    expect(await tokens.verifyAccess(access.token)).toEqual({
      ...access.claims,
      iss: 'iss',
      aud: 'aud',
      token_use: 'access',
    });
    const refresh = await tokens.signRefresh({ sub: '1', fid: 'f' });
    expect(refresh.claims.exp - refresh.claims.iat).toBe(14 * 24 * 3600);
    expect((await tokens.verifyRefresh(refresh.token)).fid).toBe('f');
  });

  it('each token gets its own jti', async () => {
    const { tokens } = await signer(alg);
    const a = await tokens.signAccess({ sub: '1', role: 'user', fid: 'f' });
    const b = await tokens.signAccess({ sub: '1', role: 'user', fid: 'f' });
    expect(a.claims.jti).not.toBe(b.claims.jti);
  });
});

describe('expiry on the pinned clock', () => {
  it('valid at exp - 1 s, expired at exp and after', async () => {
    const { tokens, clock } = await signer('HS256');
    const { token } = await tokens.signAccess({ sub: '1', role: 'user', fid: 'f' });
    clock.advance(59_000);
    await expect(tokens.verifyAccess(token)).resolves.toMatchObject({ sub: '1' });
    clock.advance(1_000);
    await expect(tokens.verifyAccess(token)).rejects.toMatchObject({ code: 'token_expired' });
  });

  it('a token verified by a signer of another algorithm is refused by algorithm, before its signature', async () => {
    const { tokens: hs } = await signer('HS256');
    const { tokens: ed } = await signer('EdDSA');
    const { token } = await hs.signAccess({ sub: '1', role: 'user', fid: 'f' });
    await expect(ed.verifyAccess(token)).rejects.toMatchObject({ code: 'token_algorithm_not_allowed' });
  });
});

describe('the claims this API needs, checked after the signature', () => {
  /** A signer and a token it signed with exactly `claims` (iss, aud, iat, exp and jti filled in). */
  async function signed(typ: string, claims: Record<string, unknown>) {
    const key = await generateSigningKey('EdDSA');
    const clock = manualClock(START);
    const tokens = new TokenSigner({ key, issuer: 'iss', audience: 'aud', now: clock.now });
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: key.alg, typ })
      .setIssuer('iss')
      .setAudience('aud')
      .setJti('j')
      .setIssuedAt(START / 1000)
      .setExpirationTime(START / 1000 + 60)
      .sign(key.signKey);
    return { tokens, token };
  }

  it.each([
    ['no fid', { sub: '1', role: 'user', token_use: 'access' }],
    ['a numeric fid', { sub: '1', role: 'user', fid: 7, token_use: 'access' }],
  ])('an access token with %s: the token lacks a valid role or session', async (_name, claims) => {
    const { tokens, token } = await signed(TOKEN_TYPES.access, claims);
    await expect(tokens.verifyAccess(token)).rejects.toEqual(
      new TokenError('token_claim_invalid', 'the token lacks a valid role or session'),
    );
  });

  it('a refresh token with no fid: the token lacks a session', async () => {
    const { tokens, token } = await signed(TOKEN_TYPES.refresh, { sub: '1', token_use: 'refresh' });
    const error = await tokens.verifyRefresh(token).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenError);
    expect(error).toMatchObject({ code: 'token_claim_invalid', description: 'the token lacks a session' });
  });

  it('an access token sent for a refresh: not a refresh token, by token_use', async () => {
    const { tokens, token } = await signed(TOKEN_TYPES.refresh, { sub: '1', fid: 'f', token_use: 'access' });
    await expect(tokens.verifyRefresh(token)).rejects.toMatchObject({
      code: 'token_claim_invalid',
      description: expect.stringMatching(/^not an? refresh token$/),
    });
  });
});

describe('toTokenError', () => {
  it('maps each jose error to a code with a fixed description', () => {
    expect(toTokenError(new errors.JWTExpired('x', {}))).toMatchObject({ code: 'token_expired' });
    expect(toTokenError(new errors.JOSEAlgNotAllowed('x'))).toMatchObject({
      code: 'token_algorithm_not_allowed',
    });
    expect(toTokenError(new errors.JWSSignatureVerificationFailed())).toMatchObject({
      code: 'token_signature_invalid',
    });
    expect(toTokenError(new errors.JWTClaimValidationFailed('x', {}, 'aud', 'check_failed'))).toMatchObject({
      code: 'token_claim_invalid',
      description: 'the token aud claim is check_failed',
    });
    expect(toTokenError(new errors.JWSInvalid('x'))).toMatchObject({ code: 'token_malformed' });
    expect(toTokenError(new TypeError('x'))).toBeInstanceOf(TokenError);
  });

  it('never copies an odd claim name or reason into the description (it ends up in a header)', () => {
    const odd = new errors.JWTClaimValidationFailed('x', {}, 'a"b\r\nX-Evil: 1', 'r"');
    expect(toTokenError(odd).description).toBe('the token a claim is invalid');
    // Only the whole name counts: a valid-looking tail does not make an odd name acceptable.
    const tail = new errors.JWTClaimValidationFailed('x', {}, 'X-aud', 'Not check_failed');
    expect(toTokenError(tail).description).toBe('the token a claim is invalid');
  });
});

describe('keys', () => {
  it('an HS256 secret under 32 bytes is refused; 32 is accepted', async () => {
    await expect(hmacKey(new Uint8Array(31))).rejects.toThrow(
      new RangeError('an HS256 secret needs at least 32 bytes'),
    );
    await expect(hmacKey(new Uint8Array(32))).resolves.toMatchObject({ alg: 'HS256', kid: 'hs-1' });
  });

  it('the HMAC secret cannot be read back out of its CryptoKey', async () => {
    const { signKey, verifyKey } = await hmacKey(new Uint8Array(32).fill(7));
    expect(signKey).toBe(verifyKey);
    expect(signKey.extractable).toBe(false);
    await expect(webcrypto.subtle.exportKey('raw', signKey)).rejects.toThrow();
  });

  it.each([
    ['EdDSA', 'Ed25519'],
    ['ES256', 'ECDSA'],
    ['HS256', 'HMAC'],
  ] as const)('%s keys are %s keys', async (alg, name) => {
    const key = await generateSigningKey(alg);
    expect(key.signKey.algorithm.name).toBe(name);
    expect(key.verifyKey.algorithm.name).toBe(name);
  });
});

describe('bearerChallenge', () => {
  it('builds RFC 6750 parameters in order', () => {
    expect(bearerChallenge({ realm: 'api' })).toBe('Bearer realm="api"');
    expect(
      bearerChallenge({ realm: 'api', error: 'insufficient_scope', description: 'd', scope: 'admin ops' }),
    ).toBe('Bearer realm="api", error="insufficient_scope", error_description="d", scope="admin ops"');
  });

  it.each(['a"b', 'a\\b', 'line\nbreak', 'caf\u00e9'])('refuses %j in a quoted value', (bad) => {
    expect(() => bearerChallenge({ realm: 'api', description: bad })).toThrow(RangeError);
  });

  it('names the parameter and the refused value in the error', () => {
    expect(() => bearerChallenge({ realm: 'a"b' })).toThrow(new RangeError('realm may not contain "a\\"b"'));
  });
});

describe('forged tokens', () => {
  it('tamperPayload keeps the header and signature and merges the changes into the payload', () => {
    const token = `${Buffer.from('{"alg":"EdDSA"}').toString('base64url')}.${Buffer.from('{"role":"user","sub":"1"}').toString('base64url')}.c2ln`;
    const forged = tamperPayload(token, { role: 'admin' });
    const [header, , signature] = forged.split('.');
    expect(header).toBe(token.split('.')[0]);
    expect(signature).toBe('c2ln');
    expect(decodeSegments(forged).payload).toEqual({ role: 'admin', sub: '1' });
  });

  it('a token with no signature segment keeps an empty one', () => {
    const token = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"sub":"1"}').toString('base64url')}`;
    expect(tamperPayload(token, { sub: '2' }).endsWith('.')).toBe(true);
  });
});
