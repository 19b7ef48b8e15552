import { describe, expect, it } from 'vitest';
import {
  type Decision,
  fixedWindowMemory,
  mostAdmittedWithin,
  normalizeAddress,
  parseRateLimitField,
  rateLimitHeaders,
  strip,
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
});
