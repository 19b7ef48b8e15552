import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Only the paths that stop before Stryker starts: a mutation run itself takes minutes (CONTRIBUTING).
const script = fileURLToPath(new URL('../../scripts/mutate.ts', import.meta.url));
const mutate = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 60_000,
  });

describe('the pnpm mutate CLI', () => {
  it('answers a mistyped topic the way pnpm demo does, with exit 2', () => {
    const run = mutate('rate-limit');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("unknown topic 'rate-limit'; did you mean 'rate-limiting' (33)?");
  });

  it('refuses an unknown option with the usage and exit 2', () => {
    const bad = mutate('33', '--fast');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^unknown option '--fast'\nusage: pnpm mutate <topic>/);
  });

  it('shows the usage, with exit 2, when no topic is given', () => {
    const none = mutate();
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/^usage: pnpm mutate <topic>.*--ignore-static/s);
  });

  it('refuses a file the topic’s src/ does not have, before starting anything', () => {
    const run = mutate('33', 'no-such-file.ts');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("no file 'no-such-file.ts' in packages/33-rate-limiting/src");
  });

  it('refuses a file that exists but lies outside the topic’s src/', () => {
    const outside = mutate('33', 'package.json');
    expect(outside.status).toBe(2);
    expect(outside.stderr).toContain("no file 'package.json' in packages/33-rate-limiting/src");
  });
});
