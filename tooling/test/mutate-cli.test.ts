import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runNode, tsxExecArgv } from '@lab/common/workers';
import { describe, expect, it } from 'vitest';

// Only the paths that stop before Stryker starts: a mutation run itself takes minutes (CONTRIBUTING).
const script = fileURLToPath(new URL('../../scripts/mutate.ts', import.meta.url));
const mutate = async (...args: string[]) => {
  const run = await runNode([...tsxExecArgv(), script, ...args], {
    env: { ...process.env, NO_COLOR: '1' },
    timeoutMs: 60_000,
  });
  return { status: run.code, stderr: run.stderr };
};

describe('the pnpm mutate CLI', async () => {
  it('answers a mistyped topic the way pnpm demo does, with exit 2', async () => {
    const run = await mutate('rate-limit');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("unknown topic 'rate-limit'; did you mean 'rate-limiting' (33)?");
  });

  it('refuses an unknown option with the usage and exit 2', async () => {
    const bad = await mutate('33', '--fast');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^unknown option '--fast'\nusage: pnpm mutate <topic>/);
  });

  it('shows the usage, with exit 2, when no topic is given', async () => {
    const none = await mutate();
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/^usage: pnpm mutate <topic>.*--ignore-static/s);
  });

  it('refuses a file the topic’s src/ does not have, before starting anything', async () => {
    const run = await mutate('33', 'no-such-file.ts');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("no file 'no-such-file.ts' in packages/33-rate-limiting/src");
  });

  it('refuses a file that exists but lies outside the topic’s src/', async () => {
    const outside = await mutate('33', 'package.json');
    expect(outside.status).toBe(2);
    expect(outside.stderr).toContain("no file 'package.json' in packages/33-rate-limiting/src");
  });

  it('refuses a second run of a topic while one is running, naming its pid, with exit 2', async () => {
    const lock = fileURLToPath(new URL('../../.stryker/mutability/run.lock', import.meta.url));
    mkdirSync(dirname(lock), { recursive: true });
    let ours = false;
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      ours = true;
    } catch {
      // A real run of 01 holds it: the refusal below names that run's pid instead.
    }
    try {
      const holder = readFileSync(lock, 'utf8').trim();
      const run = await mutate('01');
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(`pnpm mutate mutability is already running (pid ${holder})`);
    } finally {
      if (ours) rmSync(lock, { force: true });
    }
  });
});
