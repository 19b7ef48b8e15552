import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { offlineEnv } from '../src/_run.ts';
import { createConsumer, installTarball, LIB_NAME } from '../src/consumer.ts';
import { npmPack, type PackResult } from '../src/pack.ts';

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

  it('refuses an npm that reports no package, quoting the first 500 characters it printed', async () => {
    // A stand-in npm first on PATH (execFile looks the program up in the child's PATH): a real one always
    // reports the package it packed, so this is the only way to reach the guard.
    const bin = join(root, 'fake-bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'npm'), `#!/bin/sh\nprintf '[%600s]' ''\n`);
    chmodSync(join(bin, 'npm'), 0o755);
    const env = { ...offlineEnv(join(root, 'cache')), PATH: `${bin}:${process.env.PATH ?? ''}` };
    await expect(npmPack(root, root, env)).rejects.toThrow(
      new Error(`npm pack printed no report: [${' '.repeat(499)}`),
    );
  });
});

describe('installTarball', () => {
  const packed = async (): Promise<PackResult> => {
    const lib = join(root, 'install-lib');
    writePackage(lib, {
      'package.json': JSON.stringify({ name: LIB_NAME, version: '9.0.0' }),
      'index.js': 'module.exports = 1;\n',
    });
    return npmPack(lib, root, offlineEnv(join(root, 'cache')));
  };

  it("reads back the spec npm saved and the lockfile's entry for the library", async () => {
    const pack = await packed();
    const app = createConsumer(join(root, 'saving'));
    const installed = await installTarball(app, pack.tarball, offlineEnv(join(root, 'cache')));
    expect(installed).toEqual({
      spec: 'file:../../tiny-slug-9.0.0.tgz',
      lock: {
        version: '9.0.0',
        resolved: 'file:../../tiny-slug-9.0.0.tgz',
        integrity: pack.integrity,
      },
    });
  });

  it('reports no spec and no lock entry when npm saved neither', async () => {
    const { tarball } = await packed();
    const app = createConsumer(join(root, 'not-saving'));
    writeFileSync(join(app, 'package-lock.json'), '{"name":"app","lockfileVersion":3,"requires":true}\n');
    const env = offlineEnv(join(root, 'cache'), { npm_config_save: 'false' });
    expect(await installTarball(app, tarball, env)).toEqual({ spec: undefined, lock: undefined });
  });
});
