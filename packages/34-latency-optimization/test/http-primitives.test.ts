import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compress, negotiateEncoding } from '../src/compression.ts';
import { entityTag, ifNoneMatchMatches } from '../src/http-validators.ts';

describe('entityTag', () => {
  it('is the same for the same bytes and different for different bytes', () => {
    expect(entityTag('{"a":1}')).toBe(entityTag(Buffer.from('{"a":1}')));
    expect(entityTag('{"a":1}')).not.toBe(entityTag('{"a":2}'));
  });

  it('is a quoted string, with W/ in front when weak', () => {
    expect(entityTag('x')).toMatch(/^"[\w-]+"$/);
    expect(entityTag('x', { weak: true })).toBe(`W/${entityTag('x')}`);
  });
});

describe('ifNoneMatchMatches (weak comparison, RFC 9110)', () => {
  const tag = 'W/"abc"';
  it.each([
    ['W/"abc"', true],
    ['"abc"', true],
    ['"zzz", W/"abc"', true],
    ['*', true],
    ['"abcd"', false],
    ['"ab"', false],
    ['', false],
  ])('If-None-Match: %s → %s', (header, expected) => {
    expect(ifNoneMatchMatches(header, tag)).toBe(expected);
  });

  it('no header never matches', () => {
    expect(ifNoneMatchMatches(undefined, tag)).toBe(false);
  });
});

describe('negotiateEncoding', () => {
  it.each([
    [undefined, 'identity'],
    ['', 'identity'],
    ['gzip', 'gzip'],
    ['gzip, deflate, br', 'br'],
    ['br;q=0.5, gzip', 'gzip'],
    ['gzip;q=0, br;q=0', 'identity'],
    ['*', 'br'],
    ['*;q=0.1, gzip;q=0.2', 'gzip'],
    ['deflate', 'identity'],
    ['GZIP', 'gzip'],
    ['gzip;q=banana', 'identity'],
  ] as const)('Accept-Encoding: %s → %s', (header, expected) => {
    expect(negotiateEncoding(header)).toBe(expected);
  });
});

describe('compress', () => {
  const json = JSON.stringify(
    Array.from({ length: 200 }, (_, i) => ({ id: i, name: `product ${i}`, tags: ['a', 'b'] })),
  );

  it('gzip and brotli round-trip and shrink a repetitive JSON payload', async () => {
    const gz = await compress(json, 'gzip');
    const br = await compress(json, 'br');
    expect(gunzipSync(gz).toString()).toBe(json);
    expect(brotliDecompressSync(br).toString()).toBe(json);
    expect(gz.length).toBeLessThan(json.length / 2);
    expect(br.length).toBeLessThan(json.length / 2);
  });

  it('identity returns the bytes unchanged', async () => {
    expect((await compress(json, 'identity')).toString()).toBe(json);
  });
});
