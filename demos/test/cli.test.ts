import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { listTopics } from '@lab/tooling/topics';
import { describe, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
const demo = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 60_000,
  });

describe('the pnpm demo CLI', () => {
  it('suggests the closest topic for a typo and exits 2', () => {
    const run = demo('rate-limit');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("unknown topic 'rate-limit'; did you mean 'rate-limiting' (33)?");
  });

  it('says plainly when nothing is close', () => {
    const run = demo('qqqqqqqqqq');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^unknown topic 'qqqqqqqqqq'\nrun 'pnpm demo --list'/);
  });

  it('rejects an unknown option with usage and exit 2', () => {
    const run = demo('--fast');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('usage: pnpm demo');
  });

  it('lists every topic, grouped by part, without a TTY', () => {
    const run = demo();
    expect(run.status).toBe(0);
    for (const topic of listTopics()) expect(run.stdout).toContain(`${topic.id}  ${topic.slug}`);
    expect(run.stdout.indexOf('Part 1')).toBeLessThan(run.stdout.indexOf('Part 4'));
  });

  it('runs one section of a topic, and refuses a section the demo does not have with exit 2', () => {
    const one = demo('05', '--section', 'repr');
    expect(one.status).toBe(0);
    expect(one.stdout).toContain('05 · ');
    expect(one.stdout).toContain('▸ 2. ');
    expect(one.stdout).not.toContain('▸ 1. ');
    expect(one.stdout).not.toContain('▸ 3. ');
    const bad = demo('05', '--section', 'rper');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("unknown section 'rper'");
  });

  it("lists a topic's sections without running them", () => {
    const run = demo('05', '--sections');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^ 1 {2}money {2,}/m);
    expect(run.stdout).not.toContain('━━');
  });
});
