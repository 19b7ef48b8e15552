import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../src/backoff.ts';

describe('backoffDelay: exponential with full jitter', () => {
  const half = { baseMs: 1_000, maxMs: 10_000, random: () => 0.5 };

  it('doubles the ceiling with each attempt: 500, 1000, 2000, 4000 at random 0.5', () => {
    expect([1, 2, 3, 4].map((a) => backoffDelay(a, half))).toEqual([500, 1_000, 2_000, 4_000]);
  });

  it('stops growing at maxMs, even for an attempt number that would overflow 2^n', () => {
    expect(backoffDelay(5, half)).toBe(5_000);
    expect(backoffDelay(6, half)).toBe(5_000);
    expect(backoffDelay(2_000, half)).toBe(5_000);
  });

  it('spans [0, ceiling): random 0 waits 0, random just under 1 stays under the ceiling', () => {
    expect(backoffDelay(3, { ...half, random: () => 0 })).toBe(0);
    expect(backoffDelay(3, { ...half, random: () => 0.999_999 })).toBe(3_999);
  });

  it('uses 1 s and 60 s by default', () => {
    expect(backoffDelay(1, { random: () => 0.5 })).toBe(500);
    expect(backoffDelay(30, { random: () => 0.5 })).toBe(30_000);
  });

  it('refuses attempt 0, negative and fractional attempts', () => {
    for (const attempt of [0, -1, 1.5, Number.NaN]) expect(() => backoffDelay(attempt)).toThrow(RangeError);
    expect(() => backoffDelay(0)).toThrow('attempt counts from 1, got 0');
  });
});
