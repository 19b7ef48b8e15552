import type { Request, Response } from 'express';
import { describe, expect, it } from 'vitest';
import {
  ALGORITHMS,
  algorithm,
  byRoute,
  byUser,
  type Decision,
  fixedWindowMemory,
  manualClock,
  mostAdmittedWithin,
  normalizeAddress,
  parseRateLimitField,
  rateLimitHeaders,
  replay,
  ruler,
  SEED_SLIDING_LOG_BUGGY,
  strip,
  userOf,
} from '../src/index.ts';

describe('normalizeAddress', () => {
  it('keeps IPv4, unwraps IPv4-mapped IPv6, and reduces other IPv6 addresses to their /64', () => {
    expect(normalizeAddress('203.0.113.7')).toBe('203.0.113.7');
    expect(normalizeAddress('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(normalizeAddress('2001:db8:85a3:1234:abcd::1')).toBe('2001:db8:85a3:1234::/64');
    expect(normalizeAddress('2001:0DB8:0000:0001:0000:0000:0000:0001')).toBe('2001:db8:0:1::/64');
    expect(normalizeAddress('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(normalizeAddress(undefined)).toBe('unknown');
  });

  it('leaves what is not an IPv6 address alone, and a malformed IPv6 address whole', () => {
    expect(normalizeAddress('')).toBe('unknown');
    expect(normalizeAddress('not-an-address')).toBe('not-an-address');
    expect(normalizeAddress('::FFFF:203.0.113.7')).toBe('203.0.113.7');
    expect(normalizeAddress('x::ffff:203.0.113.7')).toBe('x::ffff:203.0.113.7');
    expect(normalizeAddress('::ffff:203.0.113.7x')).toBe('::ffff:203.0.113.7x');
    expect(normalizeAddress('::')).toBe('0:0:0:0::/64');
    expect(normalizeAddress('::1')).toBe('0:0:0:0::/64');
    expect(normalizeAddress('2001:DB8:A::')).toBe('2001:db8:a:0::/64');
    expect(normalizeAddress('::ffff:1:2')).toBe('0:0:0:0::/64');
    expect(normalizeAddress('64:ff9b::192.0.2.33')).toBe('64:ff9b:0:0::/64');
    expect(normalizeAddress('1:2:3:4:5:6:192.0.2.33')).toBe('1:2:3:4::/64');
    expect(normalizeAddress('fe80::1%25eth0%')).toBe('fe80:0:0:0::/64');
  });

  it('counts every address of one /64 as one client, and neighbouring /64s apart', () => {
    const a = normalizeAddress('2001:db8:1:2::1');
    expect(normalizeAddress('2001:db8:1:2:ffff:ffff:ffff:fffe')).toBe(a);
    expect(normalizeAddress('2001:db8:1:3::1')).not.toBe(a);
  });
});

describe('rateLimitHeaders', () => {
  const limiter = fixedWindowMemory({ limit: 100, windowMs: 60_000 }, { name: 'free' });
  const base: Decision = {
    allowed: true,
    limit: 100,
    remaining: 41,
    resetMs: 12_345,
    retryAfterMs: 0,
    at: 1_700_000_000_500,
  };

  it('rounds once, up, so every field says the same thing', () => {
    expect(rateLimitHeaders(base, limiter)).toEqual({
      'RateLimit-Policy': '"free";q=100;w=60',
      RateLimit: '"free";r=41;t=13',
      'X-RateLimit-Limit': '100',
      'X-RateLimit-Remaining': '41',
      'X-RateLimit-Reset': '1700000013', // ceil((…000 500 + 12 345) / 1000)
    });
  });

  it('adds Retry-After on a rejection, equal to t and never 0', () => {
    const rejected = { ...base, allowed: false, remaining: 0, resetMs: 200, retryAfterMs: 200 };
    const headers = rateLimitHeaders(rejected, limiter);
    expect(headers['Retry-After']).toBe('1');
    expect(headers.RateLimit).toBe('"free";r=0;t=1');
  });

  it('parses what it writes, several policies per field, and refuses what is not a RateLimit item', () => {
    expect(parseRateLimitField('"free";r=41;t=13, "search";r=0;t=40')).toEqual([
      { name: 'free', params: { r: 41, t: 13 } },
      { name: 'search', params: { r: 0, t: 40 } },
    ]);
    expect(() => parseRateLimitField('limit=100, remaining=41')).toThrow(/not a RateLimit item/);
  });

  it('reads a field as a client meets it: spaces, negative and odd parameters, strict quoting', () => {
    expect(parseRateLimitField('  "a" ; r = 1;t=-2 ,"b";flag;q=x;w=3;=4  ')).toEqual([
      { name: 'a', params: { t: -2 } }, // "r " is not "r", and " 1" is not an integer
      { name: 'b', params: { w: 3 } },
    ]);
    expect(parseRateLimitField('"with space";q=1')).toEqual([{ name: 'with space', params: { q: 1 } }]);
    expect(parseRateLimitField('""')).toEqual([{ name: '', params: {} }]);
    for (const bad of ['free;q=1', '"free;q=1', 'free";q=1', 'x"free";q=1', '"free"x;q=1', '"a\\"b";q=1', ''])
      expect(() => parseRateLimitField(bad), bad).toThrow(SyntaxError);
    expect(parseRateLimitField('"a";r=1x;t=2')).toEqual([{ name: 'a', params: { t: 2 } }]);
  });
});

describe('timeline helpers', () => {
  const d = (allowed: boolean): Decision => ({
    allowed,
    limit: 1,
    remaining: 0,
    resetMs: 0,
    retryAfterMs: 0,
    at: 0,
  });

  it('mostAdmittedWithin counts only admitted requests, in half-open spans', () => {
    const times = [0, 500, 999, 1000, 1000, 1999];
    const decisions = [true, false, true, true, true, true].map(d);
    expect(mostAdmittedWithin(times, decisions, 1000)).toBe(3); // 999, 1000, 1000: 1999 − 999 is a full span
    expect(mostAdmittedWithin(times, decisions, 1)).toBe(2);
  });

  it('strip draws admitted counts per step, x for all-rejected steps, · for quiet ones', () => {
    const times = [0, 0, 1500, 3200];
    expect(strip(times, [true, true, false, true], { fromMs: 0, toMs: 4000, stepMs: 1000 })).toBe('2x·1');
  });

  it('strip counts from fromMs, drops what falls outside, and writes + above 9', () => {
    const times = [4_999, 5_000, ...Array<number>(10).fill(5_500), 6_000, 6_400, 7_000, 9_000];
    const admitted = times.map((t) => t !== 6_400);
    // Steps of 500 ms from 5 000 to 7 000: [5000, 5500) [5500, 6000) [6000, 6500) [6500, 7000).
    expect(strip(times, admitted, { fromMs: 5_000, toMs: 7_000, stepMs: 500 })).toBe('1+1·');
    expect(strip([5_000, 5_001], [true, true], { fromMs: 5_000, toMs: 5_100, stepMs: 30 })).toBe('2···');
    const nine = Array<number>(9).fill(0);
    expect(
      strip(
        nine,
        nine.map(() => true),
        { fromMs: 0, toMs: 1, stepMs: 1 },
      ),
    ).toBe('9');
  });

  it('ruler puts a label every labelEveryMs, cut at the end of the strip', () => {
    const unit = (ms: number) => `${ms / 1000}s`;
    expect(ruler({ fromMs: 0, toMs: 10_000, stepMs: 1000 }, 4000, unit)).toBe('0s  4s  8s');
    expect(ruler({ fromMs: 2000, toMs: 7000, stepMs: 500 }, 2000, unit)).toBe('2s  4s  6s');
    expect(ruler({ fromMs: 0, toMs: 3000, stepMs: 1000 }, 4000, (ms) => `at ${ms}`)).toBe('at ');
    expect(ruler({ fromMs: 0, toMs: 2500, stepMs: 1000 }, 1000, () => '|')).toBe('|||');
  });

  it('replay sends every time to every limiter, in order, on the clock it sets', async () => {
    const clock = manualClock();
    const a = fixedWindowMemory({ limit: 1, windowMs: 1000 }, { now: clock.now });
    const b = fixedWindowMemory({ limit: 2, windowMs: 1000 }, { now: clock.now });
    const [da = [], db = []] = await replay([100, 200, 1100], [a, b], clock, 'k');
    expect(da.map((d) => [d.at, d.allowed])).toEqual([
      [100, true],
      [200, false],
      [1100, true],
    ]);
    expect(db.map((d) => d.allowed)).toEqual([true, true, true]);
  });
});

describe('algorithm(name)', () => {
  it('finds each algorithm and the seed’s by name, and names the choices for a typo', () => {
    for (const a of [...ALGORITHMS, SEED_SLIDING_LOG_BUGGY]) expect(algorithm(a.name)).toBe(a);
    expect(() => algorithm('token-buckets')).toThrow(
      'unknown rate limiting algorithm "token-buckets"; one of: fixed-window, sliding-log, sliding-window-counter, token-bucket, gcra',
    );
  });

  it('every limiter says what it is: algorithm, store and label', () => {
    expect(ALGORITHMS.map((a) => a.label)).toEqual([
      'fixed window',
      'sliding log',
      'sliding window counter',
      'token bucket',
      'gcra (leaky bucket)',
    ]);
    for (const a of [...ALGORITHMS, SEED_SLIDING_LOG_BUGGY]) {
      const limiter = a.memory({ limit: 1, windowMs: 1000 });
      expect([limiter.algorithm, limiter.store, limiter.name]).toEqual([a.name, 'memory', 'default']);
    }
  });
});

describe('userOf and byUser', () => {
  const res = (user: unknown) => ({ locals: { user } }) as unknown as Response;
  const req = { ip: '203.0.113.9', socket: {} } as unknown as Request;

  it('trusts res.locals.user only with a string id and a string tier', () => {
    expect(userOf(res({ id: 'ann', tier: 'pro' }))).toEqual({ id: 'ann', tier: 'pro' });
    for (const bad of [
      undefined,
      null,
      'ann',
      { id: 'ann' },
      { tier: 'pro' },
      { id: 1, tier: 'pro' },
      { id: 'ann', tier: 2 },
    ])
      expect(userOf(res(bad)), JSON.stringify(bad)).toBeUndefined();
  });

  it('counts a user by id, anyone else by address, and scopes a route', () => {
    expect(byUser(req, res({ id: 'ann', tier: 'pro' }))).toBe('user:ann');
    expect(byUser(req, res(undefined))).toBe('ip:203.0.113.9');
    expect(byRoute('search')(req, res({ id: 'ann', tier: 'free' }))).toBe('route:search:user:ann');
  });
});
