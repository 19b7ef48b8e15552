/** Every way a bearer token can be wrong, each as a real request to a protected route. */
import { webcrypto } from 'node:crypto';
import { problemViolations } from '@lab/common/problem';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { algNoneToken, decodeSegments, tamperPayload } from '../src/forged-tokens.ts';
import { generateSigningKey, type SigningKey } from '../src/keys.ts';
import { TOKEN_TYPES } from '../src/tokens.ts';
import type { User } from '../src/users.ts';
import { AUDIENCE, type Harness, ISSUER, type Reply, request, startHarness } from './_harness.ts';

let h: Harness;
let user: User;
let admin: User;
beforeAll(async () => {
  h = await startHarness(import.meta.url, 'EdDSA');
  user = await h.addUser('user@example.com', 'correct horse');
  admin = await h.addUser('admin@example.com', 'battery staple', 'admin');
});
afterAll(() => h.close());

const me = (token?: string, headers?: Record<string, string>) =>
  request(h.server.url, '/me', {
    ...(token === undefined ? {} : { token }),
    ...(headers ? { headers } : {}),
  });
const sessionFor = (u: User) => h.tokens.startSession(u);

/** Signs claims with the server's own key, exactly as given: for tokens the service would never issue. */
async function signRaw(claims: Record<string, unknown>, key: SigningKey = h.key, typ = TOKEN_TYPES.access) {
  return new SignJWT(claims).setProtectedHeader({ alg: key.alg, typ }).sign(key.signKey);
}
const nowSeconds = () => Math.floor(h.clock.now() / 1000);
const validClaims = (overrides: Record<string, unknown> = {}) => ({
  iss: ISSUER,
  aud: AUDIENCE,
  sub: user.id,
  jti: 'j-1',
  fid: 'f-1',
  role: 'user',
  token_use: 'access',
  iat: nowSeconds(),
  exp: nowSeconds() + 60,
  ...overrides,
});

function expectInvalidToken(reply: Reply, code: string, description: string) {
  expect(reply.status).toBe(401);
  expect(reply.body.code).toBe(code);
  expect(problemViolations(reply.body, 401)).toEqual([]);
  expect(reply.headers.get('www-authenticate')).toBe(
    `Bearer realm="api", error="invalid_token", error_description="${description}"`,
  );
}

describe('a valid access token', () => {
  it('reaches /me: 200 with the subject and role', async () => {
    const { accessToken } = await sessionFor(user);
    const reply = await me(accessToken);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ id: user.id, role: 'user' });
  });

  it('the scheme name is case-insensitive (RFC 9110 §11.1)', async () => {
    const { accessToken } = await sessionFor(user);
    expect((await me(undefined, { authorization: `bearer ${accessToken}` })).status).toBe(200);
  });

  it('more than one space after the scheme is still one token (RFC 6750: "Bearer" 1*SP b64token)', async () => {
    const { accessToken } = await sessionFor(user);
    const reply = await me(undefined, { authorization: `Bearer   ${accessToken}` });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ id: user.id, role: 'user' });
  });
});

describe('401 with WWW-Authenticate', () => {
  it('no token: 401, a challenge without an error code (the client did not try)', async () => {
    const reply = await me();
    expect(reply.status).toBe(401);
    expect(reply.body.code).toBe('missing_token');
    expect(reply.headers.get('www-authenticate')).toBe('Bearer realm="api"');
  });

  it('another scheme whose credentials happen to say Bearer: 401 like no token, not 400', async () => {
    const { accessToken } = await sessionFor(user);
    const reply = await me(undefined, { authorization: `Token Bearer ${accessToken}` });
    expect(reply.status).toBe(401);
    expect(reply.body.code).toBe('missing_token');
    expect(reply.headers.get('www-authenticate')).toBe('Bearer realm="api"');
  });

  it('a token of exactly 4096 characters is within the cap: it reaches the verifier (malformed), not 400', async () => {
    expectInvalidToken(await me('a'.repeat(4096)), 'token_malformed', 'the token is malformed');
  });

  it('another scheme (Basic): 401 like no token', async () => {
    const reply = await me(undefined, { authorization: 'Basic dXNlcjpwYXNz' });
    expect(reply.status).toBe(401);
    expect(reply.headers.get('www-authenticate')).toBe('Bearer realm="api"');
  });

  it('garbage token: 401 invalid_token, malformed', async () => {
    expectInvalidToken(await me('not-a-jwt'), 'token_malformed', 'the token is malformed');
  });

  it('alg: none, hand-built with an empty signature: 401', async () => {
    const token = algNoneToken(validClaims(), { typ: TOKEN_TYPES.access });
    expect(token.endsWith('.')).toBe(true);
    expectInvalidToken(await me(token), 'token_algorithm_not_allowed', 'the token algorithm is not allowed');
  });

  it('an algorithm the server does not allow (HS256 keyed with the server public key): 401', async () => {
    // The classic key confusion: a verifier that let the header pick the algorithm would HMAC with the public key.
    const publicKey = new Uint8Array(await webcrypto.subtle.exportKey('raw', h.key.verifyKey));
    const secret = new Uint8Array(32);
    secret.set(publicKey.slice(0, 32));
    const token = await new SignJWT(validClaims({ role: 'admin' }))
      .setProtectedHeader({ alg: 'HS256', typ: TOKEN_TYPES.access })
      .sign(secret);
    expectInvalidToken(await me(token), 'token_algorithm_not_allowed', 'the token algorithm is not allowed');
  });

  it('a tampered payload (role edited to admin, signature kept): 401', async () => {
    const { accessToken } = await sessionFor(user);
    const forged = tamperPayload(accessToken, { role: 'admin' });
    expect(decodeSegments(forged).payload.role).toBe('admin');
    expectInvalidToken(await me(forged), 'token_signature_invalid', 'the token signature is invalid');
    const admin = await request(h.server.url, '/admin/stats', { token: forged });
    expect(admin.status).toBe(401);
  });

  it('a token signed by another key of the same algorithm: 401', async () => {
    const stranger = await generateSigningKey('EdDSA');
    expectInvalidToken(
      await me(await signRaw(validClaims(), stranger)),
      'token_signature_invalid',
      'the token signature is invalid',
    );
  });

  it('expired, on the pinned clock: accepted 1 s before exp, refused at exp', async () => {
    const { accessToken } = await sessionFor(user);
    const { exp } = decodeSegments(accessToken).payload as { exp: number };
    h.clock.set(exp * 1000 - 1000);
    expect((await me(accessToken)).status).toBe(200);
    h.clock.advance(1000);
    expectInvalidToken(await me(accessToken), 'token_expired', 'the token has expired');
  });

  it('a missing exp (otherwise valid and signed by the server): 401', async () => {
    const { exp: _exp, ...claims } = validClaims();
    expectInvalidToken(
      await me(await signRaw(claims)),
      'token_claim_invalid',
      'the token exp claim is missing',
    );
  });

  it('a wrong aud: 401', async () => {
    const token = await signRaw(validClaims({ aud: 'another-api' }));
    expectInvalidToken(await me(token), 'token_claim_invalid', 'the token aud claim is check_failed');
  });

  it('a wrong iss: 401', async () => {
    const token = await signRaw(validClaims({ iss: 'https://evil.example' }));
    expectInvalidToken(await me(token), 'token_claim_invalid', 'the token iss claim is check_failed');
  });

  it('a refresh token used as an access token: 401 on its typ', async () => {
    const { refreshToken } = await sessionFor(user);
    expect(decodeSegments(refreshToken).header.typ).toBe('refresh+jwt');
    expectInvalidToken(await me(refreshToken), 'token_claim_invalid', 'the token typ claim is check_failed');
  });

  it('an access typ on a refresh payload (token_use says refresh): 401', async () => {
    const token = await signRaw(validClaims({ token_use: 'refresh' }));
    expectInvalidToken(await me(token), 'token_claim_invalid', 'not an access token');
  });

  it('an unknown role claim: 401', async () => {
    const token = await signRaw(validClaims({ role: 'root' }));
    expectInvalidToken(await me(token), 'token_claim_invalid', 'the token lacks a valid role or session');
  });

  it('a revoked token (jti on the denylist, TTL = its remaining life): 401', async () => {
    const { accessToken } = await sessionFor(user);
    const claims = await h.tokens.signer.verifyAccess(accessToken);
    expect((await me(accessToken)).status).toBe(200);
    expect(await h.tokens.revokeAccessToken(claims)).toBe(true);
    const remaining = claims.exp * 1000 - h.clock.now();
    const ttl = await h.tokens.sessions.revokedJtiTtl(claims.jti);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(remaining);
    expectInvalidToken(await me(accessToken), 'token_revoked', 'the token has been revoked');
  });

  it('revoking a token that has already expired stores nothing', async () => {
    const { accessToken } = await sessionFor(user);
    const claims = await h.tokens.signer.verifyAccess(accessToken);
    h.clock.set(claims.exp * 1000);
    expect(await h.tokens.revokeAccessToken(claims)).toBe(false);
    expect(await h.tokens.sessions.revokedJtiTtl(claims.jti)).toBe(-2);
  });
});

describe('400 invalid_request: a Bearer header that is not one token', () => {
  it.each([
    ['Bearer', 'no token'],
    ['Bearer   ', 'only spaces'],
    ['Bearer a b', 'two tokens'],
    ['Bearer a"b', 'a quote'],
    ['Bearer Bearer abc', 'the scheme twice'],
    [`Bearer ${'a'.repeat(4097)}`, 'over 4096 characters'],
  ])('%j (%s)', async (authorization) => {
    const reply = await me(undefined, { authorization });
    expect(reply.status).toBe(400);
    expect(reply.body.code).toBe('invalid_request');
    expect(reply.headers.get('www-authenticate')).toBe(
      'Bearer realm="api", error="invalid_request", error_description="malformed Authorization header"',
    );
  });
});

describe('403 vs 401 on an admin route', () => {
  it('a user on an admin route: 403 insufficient_scope, not 401', async () => {
    const { accessToken } = await sessionFor(user);
    const reply = await request(h.server.url, '/admin/stats', { token: accessToken });
    expect(reply.status).toBe(403);
    expect(reply.body.code).toBe('insufficient_role');
    expect(problemViolations(reply.body, 403)).toEqual([]);
    expect(reply.headers.get('www-authenticate')).toBe(
      'Bearer realm="api", error="insufficient_scope", error_description="the token lacks the required role", scope="admin"',
    );
  });

  it('an admin on the admin route: 200', async () => {
    const { accessToken } = await sessionFor(admin);
    const reply = await request(h.server.url, '/admin/stats', { token: accessToken });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ users: 2 });
  });

  it('no token on the admin route: 401 (authentication is checked before the role)', async () => {
    expect((await request(h.server.url, '/admin/stats')).status).toBe(401);
  });
});

it('an unknown route: 404 problem body', async () => {
  const reply = await request(h.server.url, '/nowhere');
  expect(reply.status).toBe(404);
  expect(problemViolations(reply.body, 404)).toEqual([]);
});
