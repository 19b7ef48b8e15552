import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { mustRun, offlineEnv, run } from '../src/_run.ts';

const node = process.execPath;

describe('offlineEnv', () => {
  const saved = { ...process.env };
  afterEach(() => {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  });

  it('points npm at a closed loopback registry, offline, with the given cache and no audit, fund or notifier', () => {
    const env = offlineEnv('/tmp/some-cache');
    expect(env).toMatchObject({
      npm_config_registry: 'http://127.0.0.1:9/',
      npm_config_offline: 'true',
      npm_config_cache: '/tmp/some-cache',
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      npm_config_update_notifier: 'false',
      NO_COLOR: '1',
    });
  });

  it('puts the running node first on PATH, before the inherited PATH', () => {
    process.env.PATH = '/first/bin:/second/bin';
    expect(offlineEnv('/c').PATH).toBe(`${dirname(node)}${delimiter}/first/bin:/second/bin`);
  });

  it('still names the running node when the parent has no PATH at all', () => {
    delete process.env.PATH;
    expect(offlineEnv('/c').PATH).toBe(`${dirname(node)}${delimiter}`);
  });

  it("keeps the parent's variables but drops every npm_* one, whatever its case", () => {
    process.env.LAB_PACKAGING_KEPT = 'yes';
    process.env.LAB_HAS_npm_INSIDE = 'kept too';
    process.env.npm_config_registry_leak = 'https://example.invalid/';
    process.env.npm_lifecycle_event = 'test';
    process.env.NPM_CONFIG_USERCONFIG = '/somewhere/.npmrc';
    const env = offlineEnv('/c');
    expect(env.LAB_PACKAGING_KEPT).toBe('yes');
    expect(env.LAB_HAS_npm_INSIDE).toBe('kept too');
    expect(Object.keys(env).filter((k) => /^npm_/i.test(k) && !k.startsWith('npm_config_'))).toEqual([]);
    expect('npm_config_registry_leak' in env).toBe(false);
    expect('NPM_CONFIG_USERCONFIG' in env).toBe(false);
    expect(
      Object.keys(env)
        .filter((k) => /^npm_/i.test(k))
        .sort(),
    ).toEqual([
      'npm_config_audit',
      'npm_config_cache',
      'npm_config_fund',
      'npm_config_offline',
      'npm_config_registry',
      'npm_config_update_notifier',
    ]);
  });

  it('lets extra override both inherited and fixed settings', () => {
    process.env.LAB_PACKAGING_KEPT = 'parent';
    const env = offlineEnv('/c', { LAB_PACKAGING_KEPT: 'extra', NO_COLOR: '0', npm_config_offline: 'false' });
    expect(env).toMatchObject({ LAB_PACKAGING_KEPT: 'extra', NO_COLOR: '0', npm_config_offline: 'false' });
    expect(env.npm_config_cache).toBe('/c');
  });
});

describe('run', () => {
  it('resolves with the exit code, both streams and the command line, without throwing', async () => {
    const script = 'process.stdout.write("out"); process.stderr.write("err"); process.exitCode = 3';
    const result = await run(node, ['-e', script], { cwd: tmpdir() });
    expect(result).toEqual({ command: `${node} -e ${script}`, code: 3, stdout: 'out', stderr: 'err' });
  });

  it('is 0 for a clean exit, with stderr untouched', async () => {
    const result = await run(node, ['-e', 'console.error("note")'], { cwd: tmpdir() });
    expect(result).toMatchObject({ code: 0, stdout: '', stderr: 'note\n' });
  });

  it('passes arguments through unparsed: no shell splits, globs or expands them', async () => {
    const args = ['a b', '*', '$HOME', '"q"', "it's"];
    const result = await run(node, ['-e', 'console.log(JSON.stringify(process.argv.slice(1)))', ...args], {
      cwd: tmpdir(),
    });
    expect(JSON.parse(result.stdout)).toEqual(args);
  });

  it('runs in the given folder with exactly the given environment', async () => {
    const dir = realpathSync(mkdtempSync(join(tmpdir(), 'lab-packaging-run-')));
    process.env.LAB_PARENT = 'set in the parent only';
    try {
      const result = await run(
        node,
        ['-e', 'console.log(JSON.stringify([process.cwd(), process.env.LAB_ONLY, process.env.LAB_PARENT]))'],
        { cwd: dir, env: { LAB_ONLY: 'here' } },
      );
      expect(JSON.parse(result.stdout)).toEqual([dir, 'here', null]);
    } finally {
      delete process.env.LAB_PARENT;
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('without env, the child inherits the parent environment', async () => {
    process.env.LAB_PARENT_VISIBLE = 'inherited';
    try {
      const result = await run(node, ['-e', 'console.log(process.env.LAB_PARENT_VISIBLE)'], {
        cwd: tmpdir(),
      });
      expect(result.stdout).toBe('inherited\n');
    } finally {
      delete process.env.LAB_PARENT_VISIBLE;
    }
  });

  it('kills a child that outlives timeoutMs and says so on stderr', async () => {
    const result = await run(node, ['-e', 'process.stderr.write("waiting"); setInterval(() => {}, 1000)'], {
      cwd: tmpdir(),
      timeoutMs: 1500,
    });
    expect(result.code).toBe(1);
    expect(result.stderr.endsWith('\n(killed: timed out)')).toBe(true);
  });

  it('takes 2 MiB of output (past execFile’s 1 MiB default) and fails cleanly past 8 MiB', async () => {
    const big = await run(node, ['-e', 'process.stdout.write("x".repeat(2 * 1024 * 1024))'], {
      cwd: tmpdir(),
    });
    expect(big.code).toBe(0);
    expect(big.stdout.length).toBe(2 * 1024 * 1024);
    const tooBig = await run(node, ['-e', 'process.stdout.write("x".repeat(9 * 1024 * 1024))'], {
      cwd: tmpdir(),
    });
    expect(tooBig.code).toBe(1);
    expect(tooBig.stdout.length).toBe(8 * 1024 * 1024);
    expect(tooBig.stderr).not.toContain('killed');
  });

  it('is code 1 for a program that cannot be started (a string error code, not an exit status)', async () => {
    const result = await run('/nonexistent/lab-packaging-no-such-program', ['x'], { cwd: tmpdir() });
    expect(result).toEqual({
      command: '/nonexistent/lab-packaging-no-such-program x',
      code: 1,
      stdout: '',
      stderr: '',
    });
  });
});

describe('mustRun', () => {
  it('returns the result of a clean exit', async () => {
    const result = await mustRun(node, ['-e', 'console.log("fine")'], { cwd: tmpdir() });
    expect(result).toEqual({
      command: `${node} -e console.log("fine")`,
      code: 0,
      stdout: 'fine\n',
      stderr: '',
    });
  });

  it("throws on a non-zero exit, naming the command, the code and the child's trimmed stderr", async () => {
    const script = 'process.stderr.write("  \\n broken thing \\n\\n"); process.exit(4)';
    await expect(mustRun(node, ['-e', script], { cwd: tmpdir() })).rejects.toThrow(
      new Error(`${node} -e ${script} exited with 4: broken thing`),
    );
  });

  it('falls back to stdout when stderr is empty, as tsc reports its errors', async () => {
    const script = 'console.log("src/a.ts(1,7): error TS2322: nope"); process.exit(2)';
    await expect(mustRun(node, ['-e', script], { cwd: tmpdir() })).rejects.toThrow(
      new Error(`${node} -e ${script} exited with 2: src/a.ts(1,7): error TS2322: nope`),
    );
  });

  it('prefers stderr when both streams have something', async () => {
    const script = 'console.log("progress"); console.error("the reason"); process.exit(3)';
    await expect(mustRun(node, ['-e', script], { cwd: tmpdir() })).rejects.toThrow(
      new Error(`${node} -e ${script} exited with 3: the reason`),
    );
  });

  it('keeps only the first 2000 characters of a long stderr', async () => {
    const script = 'process.stderr.write("a".repeat(1999) + "bc" + "d".repeat(5000)); process.exit(1)';
    const error = await mustRun(node, ['-e', script], { cwd: tmpdir() }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe(`${node} -e ${script} exited with 1: ${'a'.repeat(1999)}b`);
  });
});
