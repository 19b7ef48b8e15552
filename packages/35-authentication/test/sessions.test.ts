/** The Redis side on its own: rotation outcomes, atomicity under concurrency, denylist TTLs. */
import { deleteKeysWithPrefix } from '@lab/common/services';
import { testKeyPrefix, testRedis } from '@lab/common/testing';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SessionStore } from '../src/sessions.ts';

const PREFIX = testKeyPrefix(import.meta.url);
const FAMILY_TTL = 60_000;
let redis: Redis;
let store: SessionStore;
beforeAll(async () => {
  redis = await testRedis();
  store = new SessionStore(redis, { prefix: PREFIX, familyTtlMs: FAMILY_TTL });
});
afterAll(async () => {
  await deleteKeysWithPrefix(redis, PREFIX);
  await redis.quit();
});

describe('rotate', () => {
  it('current → rotated, then the new one is current and the old one is a reuse', async () => {
    await store.startFamily('f1', '7', 'r1');
    expect(await redis.hgetall(`${PREFIX}family:f1`)).toEqual({ sub: '7', current: 'r1' });
    expect(await store.rotate('f1', 'r1', 'r2')).toBe('rotated');
    expect(await redis.hget(`${PREFIX}family:f1`, 'current')).toBe('r2');
    expect(await store.rotate('f1', 'r2', 'r3')).toBe('rotated');
    expect(await store.rotate('f1', 'r1', 'rX')).toBe('reused');
  });

  it('after a reuse the family is gone and marked revoked: even its current token is refused', async () => {
    await store.startFamily('f2', '7', 'a');
    await store.rotate('f2', 'a', 'b');
    expect(await store.rotate('f2', 'a', 'c')).toBe('reused');
    expect(await redis.exists(`${PREFIX}family:f2`)).toBe(0);
    expect(await store.rotate('f2', 'b', 'd')).toBe('revoked');
    expect(await store.isRevoked('any-jti', 'f2')).toBe(true);
  });

  it('an unknown (or expired) family → unknown, and nothing is written', async () => {
    expect(await store.rotate('nope', 'a', 'b')).toBe('unknown');
    expect(await redis.exists(`${PREFIX}family:nope`, `${PREFIX}revoked:family:nope`)).toBe(0);
  });

  it('each key gets the family lifetime, refreshed on rotation', async () => {
    await store.startFamily('f3', '7', 'a');
    const ttl = await redis.pttl(`${PREFIX}family:f3`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(FAMILY_TTL);
    await store.rotate('f3', 'a', 'b');
    await store.rotate('f3', 'a', 'c');
    const revokedTtl = await redis.pttl(`${PREFIX}revoked:family:f3`);
    expect(revokedTtl).toBeGreaterThan(0);
    expect(revokedTtl).toBeLessThanOrEqual(FAMILY_TTL);
  });

  it('20 concurrent rotations of one token: exactly one rotates, 19 are reuses', async () => {
    await store.startFamily('race', '7', 'r1');
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) => store.rotate('race', 'r1', `n${i}`)),
    );
    expect(outcomes.filter((o) => o === 'rotated')).toHaveLength(1);
    expect(
      outcomes.filter((o) => o === 'reused').length + outcomes.filter((o) => o === 'revoked').length,
    ).toBe(19);
    expect(outcomes[0]).toBe('rotated');
  });
});

describe('revocation', () => {
  it('revokeJti stores the jti for exactly the remaining lifetime (upper bound) and isRevoked sees it', async () => {
    expect(await store.isRevoked('j1', 'fam-x')).toBe(false);
    expect(await store.revokeJti('j1', 30_000)).toBe(true);
    const ttl = await store.revokedJtiTtl('j1');
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(30_000);
    expect(await store.isRevoked('j1', 'fam-x')).toBe(true);
  });

  it.each([0, -1])('a remaining lifetime of %i ms stores nothing', async (remaining) => {
    expect(await store.revokeJti(`j-${remaining}`, remaining)).toBe(false);
    expect(await store.revokedJtiTtl(`j-${remaining}`)).toBe(-2);
  });

  it('1 ms remaining still stores an entry', async () => {
    expect(await store.revokeJti('j-one', 0.2)).toBe(true);
  });

  it('revokeFamily deletes the family and marks it revoked', async () => {
    await store.startFamily('f4', '7', 'a');
    await store.revokeFamily('f4');
    expect(await store.rotate('f4', 'a', 'b')).toBe('revoked');
    expect(await store.isRevoked('unrelated', 'f4')).toBe(true);
    expect(await store.isRevoked('unrelated', 'f5')).toBe(false);
  });

  it('refuses a family lifetime under 1 ms (or not a number) and accepts exactly 1 ms', () => {
    for (const familyTtlMs of [0, 0.5, Number.NaN])
      expect(() => new SessionStore(redis, { prefix: PREFIX, familyTtlMs })).toThrow(
        new RangeError('familyTtlMs must be at least 1 ms'),
      );
    expect(new SessionStore(redis, { prefix: PREFIX, familyTtlMs: 1 })).toBeInstanceOf(SessionStore);
  });

  it('the denylist keys hold "1", as the key layout documents', async () => {
    await store.startFamily('f6', '7', 'a');
    await store.revokeFamily('f6');
    expect(await redis.get(`${PREFIX}revoked:family:f6`)).toBe('1');
    await store.revokeJti('j-layout', 10_000);
    expect(await redis.get(`${PREFIX}revoked:jti:j-layout`)).toBe('1');
  });
});
