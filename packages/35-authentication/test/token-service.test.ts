/** TokenService on its own, against real Redis: the family lifetime it keeps, and each way a refresh is refused. */
import { manualClock } from '@lab/common/clock';
import { deleteKeysWithPrefix } from '@lab/common/services';
import { testKeyPrefix, testRedis } from '@lab/common/testing';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeSegments } from '../src/forged-tokens.ts';
import { generateSigningKey } from '../src/keys.ts';
import { type LoadPrincipal, TokenService } from '../src/token-service.ts';
import { TokenError } from '../src/tokens.ts';
import type { Role } from '../src/users.ts';

const PREFIX = testKeyPrefix(import.meta.url);
const REFRESH_TTL_SECONDS = 3600;
const clock = manualClock(Date.UTC(2030, 0, 1));
const alice = { id: '1', role: 'user' as Role };
let redis: Redis;
let service: TokenService;
beforeAll(async () => {
  redis = await testRedis();
  service = new TokenService({
    key: await generateSigningKey('EdDSA'),
    issuer: 'iss',
    audience: 'aud',
    redis,
    prefix: PREFIX,
    now: clock.now,
    refreshTtlSeconds: REFRESH_TTL_SECONDS,
  });
});
afterAll(async () => {
  await deleteKeysWithPrefix(redis, PREFIX);
  await redis.quit();
});

const fidOf = (token: string) => String(decodeSegments(token).payload.fid);
const stillHere = async (sub: string) => ({ id: sub, role: 'user' as Role });

/** The TokenError a refresh fails with (a resolved refresh fails the test). */
async function refreshError(token: string, load: LoadPrincipal = stillHere): Promise<TokenError> {
  const error = await service.refresh(token, load).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof TokenError)) throw new Error(`expected a TokenError, got ${String(error)}`);
  return error;
}

describe('startSession', () => {
  it('keeps the family in Redis for the refresh token lifetime, in milliseconds', async () => {
    const { refreshToken } = await service.startSession(alice);
    const ttl = await redis.pttl(`${PREFIX}family:${fidOf(refreshToken)}`);
    // Redis counts down in real time: allow a minute of slack below, none above.
    expect(ttl).toBeGreaterThan(REFRESH_TTL_SECONDS * 1000 - 60_000);
    expect(ttl).toBeLessThanOrEqual(REFRESH_TTL_SECONDS * 1000);
  });
});

describe('refresh', () => {
  it('a reused refresh token: refresh_token_reused, saying the session is revoked', async () => {
    const { refreshToken } = await service.startSession(alice);
    await service.refresh(refreshToken, stillHere);
    const error = await refreshError(refreshToken);
    expect(error.code).toBe('refresh_token_reused');
    expect(error.description).toBe('the refresh token was already used; the session is revoked');
  });

  it('a refresh token whose family Redis does not know (expired, never started): token_revoked', async () => {
    const { token } = await service.signer.signRefresh({ sub: '1', fid: 'never-started' });
    const error = await refreshError(token);
    expect(error.code).toBe('token_revoked');
    expect(error.description).toBe('the session has ended');
    expect(await redis.exists(`${PREFIX}family:never-started`)).toBe(0);
  });

  it('a user who is gone: token_revoked, the session has ended, and the family is revoked', async () => {
    const { refreshToken, accessToken } = await service.startSession(alice);
    let loads = 0;
    const error = await refreshError(refreshToken, async () => {
      loads++;
      return undefined;
    });
    expect(loads).toBe(1);
    expect(error.code).toBe('token_revoked');
    expect(error.description).toBe('the session has ended');
    await expect(service.authenticate(accessToken)).rejects.toMatchObject({ code: 'token_revoked' });
  });

  it('a principal lookup that fails does not spend the refresh token: the retry rotates it', async () => {
    const { refreshToken } = await service.startSession(alice);
    const outage = new Error('database down');
    await expect(
      service.refresh(refreshToken, async () => {
        throw outage;
      }),
    ).rejects.toBe(outage);
    const pair = await service.refresh(refreshToken, stillHere);
    expect(await service.authenticate(pair.accessToken)).toMatchObject({ sub: '1' });
  });

  it('the new pair carries the role loadPrincipal returns now, not the one at login', async () => {
    const { refreshToken } = await service.startSession(alice);
    const pair = await service.refresh(refreshToken, async (sub) => ({ id: sub, role: 'admin' }));
    expect(await service.authenticate(pair.accessToken)).toMatchObject({ sub: '1', role: 'admin' });
    expect(pair).toMatchObject({ tokenType: 'Bearer', expiresIn: service.signer.accessTtlSeconds });
  });
});
