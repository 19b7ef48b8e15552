import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { rawRequest } from '../src/_raw-http.ts';
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
    [' * ', true],
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
    // Parameters may have spaces around them, and only q= is a weight.
    ['gzip; q=0, br; q=0', 'identity'],
    ['gzip;level=1', 'gzip'],
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

  it('identity returns the bytes unchanged: a string as its UTF-8 bytes, a Buffer as the same Buffer', async () => {
    const fromString = await compress(json, 'identity');
    expect(Buffer.isBuffer(fromString)).toBe(true);
    expect(fromString.toString()).toBe(json);
    const buffer = Buffer.from(json);
    // No copy: a cached body is handed on as is.
    expect(await compress(buffer, 'identity')).toBe(buffer);
  });

  // zlib is deterministic: the same input and settings give the same bytes, so the settings can be pinned.
  it('gzip uses the given level (6 by default)', async () => {
    expect((await compress(json, 'gzip')).equals(gzipSync(json, { level: 6 }))).toBe(true);
    expect((await compress(json, 'gzip', { gzipLevel: 1 })).equals(gzipSync(json, { level: 1 }))).toBe(true);
    expect(gzipSync(json, { level: 1 }).equals(gzipSync(json, { level: 9 }))).toBe(false);
  });

  it('brotli uses the given quality (6 by default), text mode and the size hint', async () => {
    const brotli = (quality: number) =>
      brotliCompressSync(json, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: quality,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: Buffer.byteLength(json),
        },
      });
    expect((await compress(json, 'br')).equals(brotli(6))).toBe(true);
    expect((await compress(json, 'br', { brotliQuality: 2 })).equals(brotli(2))).toBe(true);
    expect(brotli(2).equals(brotliCompressSync(json))).toBe(false);
  });
});

describe('rawRequest', () => {
  it('rejects when nothing listens on the port, instead of crashing the process', async () => {
    // A port that was free a moment ago: bind, read it, release it.
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await expect(rawRequest(`http://127.0.0.1:${port}/`)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('rejects when the connection drops in the middle of the body', async () => {
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-length': '100' });
      res.write('partial', () => res.socket?.destroy());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      await expect(rawRequest(`http://127.0.0.1:${port}/`)).rejects.toThrow();
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
