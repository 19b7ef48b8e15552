import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { integrityOf, listTarball, readTarball } from '../src/tarball.ts';

// Archives are built here byte by byte, so each header field the reader parses can be set to exactly the
// shape a real tar writer may produce (NUL-terminated, space-padded, empty, 100 characters with no NUL).
interface Member {
  name: string;
  body?: string;
  /** The raw text of the mode field; octal 644 unless given. */
  mode?: string;
  /** The raw text of the size field; the body's length in octal unless given. */
  size?: string;
  /** The type flag; '0' (regular file) unless given, '\0' for the pre-POSIX spelling. */
  type?: string;
  prefix?: string;
}

const BLOCK = 512;

function header(member: Member): Buffer {
  const h = Buffer.alloc(BLOCK);
  const bodyLength = Buffer.byteLength(member.body ?? '');
  h.write(member.name, 0, 100, 'utf8');
  h.write(member.mode ?? '0000644\0', 100, 8, 'utf8');
  h.write(member.size ?? `${bodyLength.toString(8).padStart(11, '0')}\0`, 124, 12, 'utf8');
  h.write(member.type ?? '0', 156, 1, 'utf8');
  h.write('ustar\0', 257, 6, 'utf8');
  h.write(member.prefix ?? '', 345, 155, 'utf8');
  return h;
}

function body(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  const padded = Buffer.alloc(Math.ceil(bytes.length / BLOCK) * BLOCK);
  bytes.copy(padded);
  return padded;
}

/** A tar stream of the members, ended by two zero blocks unless `end` is false, then `after` appended. */
function tar(members: Member[], options: { end?: boolean; after?: Buffer } = {}): Buffer {
  const parts: Buffer[] = [];
  for (const m of members) parts.push(header(m), body(m.body ?? ''));
  if (options.end !== false) parts.push(Buffer.alloc(2 * BLOCK));
  if (options.after) parts.push(options.after);
  return Buffer.concat(parts);
}

const tgz = (members: Member[], options?: { end?: boolean; after?: Buffer }): Buffer =>
  gzipSync(tar(members, options));

describe('listTarball', () => {
  it("lists regular files with size and mode, dropping npm's package/ prefix", () => {
    const entries = listTarball(
      tgz([
        { name: 'package/package.json', body: '{"name":"x"}\n' },
        { name: 'package/dist/cli.js', body: '#!/usr/bin/env node\n', mode: '0000755\0' },
      ]),
    );
    expect(entries).toEqual([
      { path: 'dist/cli.js', size: 20, mode: 0o755 },
      { path: 'package.json', size: 13, mode: 0o644 },
    ]);
  });

  it('steps over bodies of 0, 1, 512 and 513 bytes to find the next header', () => {
    const members = [0, 1, 512, 513, 3].map((n, i) => ({ name: `package/f${i}`, body: 'y'.repeat(n) }));
    expect(listTarball(tgz(members)).map((e) => [e.path, e.size])).toEqual([
      ['f0', 0],
      ['f1', 1],
      ['f2', 512],
      ['f3', 513],
      ['f4', 3],
    ]);
  });

  it('strips package/ only at the start of a path', () => {
    const entries = listTarball(
      tgz([
        { name: 'package/lib/package/x.js', body: 'a' },
        { name: 'other/package/y.js', body: 'b' },
      ]),
    );
    expect(entries.map((e) => e.path)).toEqual(['lib/package/x.js', 'other/package/y.js']);
  });

  it('joins the ustar prefix field to the name for long paths', () => {
    const entries = listTarball(tgz([{ prefix: 'package/very/deep', name: 'file.txt', body: 'abc' }]));
    expect(entries).toEqual([{ path: 'very/deep/file.txt', size: 3, mode: 0o644 }]);
  });

  it('reads a name that fills all 100 bytes of its field, with no NUL after it', () => {
    const name = `package/${'n'.repeat(92)}`;
    expect(name).toHaveLength(100);
    expect(listTarball(tgz([{ name, body: 'z' }])).map((e) => e.path)).toEqual(['n'.repeat(92)]);
  });

  it('keeps only regular files: type 0 and the old NUL type, not directories, links or pax headers', () => {
    const entries = listTarball(
      tgz([
        { name: 'package/dir/', type: '5' },
        { name: 'PaxHeader/x', type: 'x', body: '30 path=package/ignored/by/us\n' },
        { name: 'package/dir/a.js', body: 'a', type: '0' },
        { name: 'package/link', type: '2' },
        { name: 'package/old.js', body: 'old', type: '\0' },
      ]),
    );
    expect(entries.map((e) => e.path)).toEqual(['dir/a.js', 'old.js']);
  });

  it('reads empty or space-only size and mode fields as 0, and space-padded octal as a number', () => {
    const entries = listTarball(
      tgz([
        { name: 'package/a', size: '\0', mode: '\0' },
        { name: 'package/b', size: '           \0', mode: '       \0' },
        { name: 'package/c', size: '         5 \0', mode: ' 600 \0', body: 'hello' },
      ]),
    );
    expect(entries).toEqual([
      { path: 'a', size: 0, mode: 0 },
      { path: 'b', size: 0, mode: 0 },
      { path: 'c', size: 5, mode: 0o600 },
    ]);
  });

  it('stops at the zero block that ends the archive, ignoring anything after it', () => {
    const trailing = tar([{ name: 'package/after-end.js', body: 'x' }]);
    const entries = listTarball(tgz([{ name: 'package/a.js', body: 'a' }], { after: trailing }));
    expect(entries.map((e) => e.path)).toEqual(['a.js']);
  });

  it('reads a header that ends exactly at the end of an archive with no end blocks', () => {
    expect(listTarball(tgz([{ name: 'package/last', body: '' }], { end: false }))).toEqual([
      { path: 'last', size: 0, mode: 0o644 },
    ]);
  });

  it('lists nothing for an empty archive, or for fewer bytes than one header', () => {
    expect(listTarball(gzipSync(Buffer.alloc(0)))).toEqual([]);
    expect(listTarball(gzipSync(Buffer.from('not a header')))).toEqual([]);
  });

  it('sorts by path in code-unit order, keeping the archive order of equal paths', () => {
    const entries = listTarball(
      tgz([
        { name: 'package/b', body: 'b' },
        { name: 'package/B', body: 'BB' },
        { name: 'package/a', body: '1' },
        { name: 'package/c', body: 'ccc' },
        { name: 'package/a', body: '22' },
        { name: 'package/a', body: '333' },
      ]),
    );
    expect(entries.map((e) => `${e.path}:${e.size}`)).toEqual(['B:2', 'a:1', 'a:2', 'a:3', 'b:1', 'c:3']);
  });

  it('rejects bytes that are not gzip', () => {
    expect(() => listTarball(Buffer.from('plain text'))).toThrow(/incorrect header check/);
  });
});

describe('integrityOf', () => {
  it('is sha512- and the base64 digest of the exact bytes (known vectors)', () => {
    expect(integrityOf(Buffer.alloc(0))).toBe(
      'sha512-z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0NE8XYXysP+DGNKHfuwvY7kxvUdBeoGlODJ6+SfaPg==',
    );
    expect(integrityOf(Buffer.from('abc'))).toBe(
      'sha512-3a81oZNherrMQXNJriBBMRLm+k6JqX6iCp7u5ktV05ohkpkqJ0/BqDa6PCOj/uu9RU1EI2Q86A4qmslPpUyknw==',
    );
  });
});

describe('readTarball', () => {
  it('reads the file back byte for byte', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lab-packaging-tar-'));
    try {
      const bytes = tgz([{ name: 'package/a', body: 'a' }]);
      writeFileSync(join(dir, 'a.tgz'), bytes);
      const read = readTarball(join(dir, 'a.tgz'));
      expect(read.equals(bytes)).toBe(true);
      expect(listTarball(read)).toEqual([{ path: 'a', size: 1, mode: 0o644 }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
