import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { offlineEnv } from '../src/_run.ts';
import { npmPack } from '../src/pack.ts';

// A package written by hand (no build step), packed by the real npm with the registry unreachable.
const root = mkdtempSync(join(tmpdir(), 'lab-packaging-pack-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function writePackage(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

describe('npmPack', () => {
  it("packs into the destination under npm's file name, listing files in code-unit order both ways", async () => {
    const lib = join(root, 'lib');
    const out = join(root, 'out');
    mkdirSync(out);
    writePackage(lib, {
      'package.json': JSON.stringify({ name: '@lab/mini', version: '0.0.1', files: ['lib'] }),
      'lib/a.js': 'a\n',
      'lib/B.js': 'B\n',
      'lib/_u.js': 'u\n',
      'lib/deep/c.js': 'c\n',
      'README.md': 'r\n',
      'not-in-files.txt': 'x\n',
    });
    const result = await npmPack(lib, out, offlineEnv(join(root, 'cache')));
    expect(result.tarball).toBe(join(out, 'lab-mini-0.0.1.tgz'));
    // npm lists its files in a locale order (a before B); both lists here are sorted by code unit.
    const expected = ['README.md', 'lib/B.js', 'lib/_u.js', 'lib/a.js', 'lib/deep/c.js', 'package.json'];
    expect(result.npmFiles).toEqual(expected);
    expect(result.entries.map((e) => e.path)).toEqual(expected);
    expect(result.entries.find((e) => e.path === 'lib/B.js')).toEqual({
      path: 'lib/B.js',
      size: 2,
      mode: 0o644,
    });
    const bytes = readFileSync(result.tarball);
    const sha512 = `sha512-${createHash('sha512').update(bytes).digest('base64')}`;
    expect(result.integrity).toBe(sha512);
    expect(result.computedIntegrity).toBe(sha512);
  });

  it("fails with npm's complaint when the folder is not a package", async () => {
    const empty = join(root, 'empty');
    mkdirSync(empty);
    await expect(npmPack(empty, root, offlineEnv(join(root, 'cache')))).rejects.toThrow(
      /^npm pack --json --pack-destination .* exited with \d+: /,
    );
  });
});
