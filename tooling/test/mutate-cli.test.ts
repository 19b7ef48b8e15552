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
});
