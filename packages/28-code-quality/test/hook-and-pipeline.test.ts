import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ciSteps, runPipeline, type Step } from '../src/pipeline.ts';
import { commitCount, createHookedRepo, type HookedRepo, hookScript, tryCommit } from '../src/pre-commit.ts';
import { createWorkspace, fixturesDir } from '../src/workspace.ts';

const fixture = (name: 'flawed' | 'fixed') => readFileSync(join(fixturesDir, name, 'orders.ts'), 'utf8');

describe('a real pre-commit hook in a throw-away repository', { timeout: 60_000 }, () => {
  let repo: HookedRepo;
  beforeAll(async () => {
    repo = await createHookedRepo();
  });
  afterAll(() => repo[Symbol.dispose]());

  it('refuses the flawed file: the commit does not happen and Biome says why', async () => {
    const attempt = await tryCommit(repo, 'orders.ts', fixture('flawed'));
    expect(attempt.accepted).toBe(false);
    expect(attempt.output).toContain('lint/suspicious/noDoubleEquals');
    expect(await commitCount(repo)).toBe(0);
  });

  it('accepts the fixed file', async () => {
    const attempt = await tryCommit(repo, 'orders.ts', fixture('fixed'));
    expect(attempt.accepted).toBe(true);
    expect(await commitCount(repo)).toBe(1);
  });

  it('lets a commit with no .ts files through without running Biome', async () => {
    const attempt = await tryCommit(repo, 'notes.md', '# not TypeScript\n');
    expect(attempt).toEqual({ accepted: true, output: '' });
    expect(await commitCount(repo)).toBe(2);
  });

  it('the hook checks only staged .ts files', () => {
    const script = hookScript('/bin/biome', '/bin/node');
    expect(script.startsWith('#!/bin/sh\n')).toBe(true);
    expect(script).toContain("git diff --cached --name-only --diff-filter=ACMR -- '*.ts'");
    expect(script).toContain('exec "/bin/node" "/bin/biome" check');
  });
});

describe('runPipeline', () => {
  const step = (name: string, ok: boolean, calls: string[]): Step => ({
    name,
    run: async () => {
      calls.push(name);
      return { ok, findings: ok ? 0 : 3 };
    },
  });

  it('runs steps in order and stops at the first failure; the rest are skipped, not run', async () => {
    const calls: string[] = [];
    let t = 0;
    const results = await runPipeline(
      [
        step('format', true, calls),
        step('lint', false, calls),
        step('typecheck', true, calls),
        step('test', true, calls),
      ],
      () => (t += 5),
    );
    expect(calls).toEqual(['format', 'lint']);
    expect(results.map((r) => [r.name, r.status, r.findings, r.ms])).toEqual([
      ['format', 'passed', 0, 5],
      ['lint', 'failed', 3, 5],
      ['typecheck', 'skipped', 0, 0],
      ['test', 'skipped', 0, 0],
    ]);
  });

  it('runs every step when all pass', async () => {
    const calls: string[] = [];
    await runPipeline([step('a', true, calls), step('b', true, calls)]);
    expect(calls).toEqual(['a', 'b']);
  });
});

describe('the CI order on the fixtures', { timeout: 120_000 }, () => {
  it('flawed: format fails first, and nothing after it runs', async () => {
    using ws = createWorkspace('flawed');
    const results = await runPipeline(ciSteps(ws));
    expect(results.map((r) => `${r.name}:${r.status}`)).toEqual([
      'format:failed',
      'lint:skipped',
      'typecheck:skipped',
      'test:skipped',
    ]);
    expect(results[0]?.findings).toBe(1);
  });

  it('fixed: format → lint → typecheck → test all pass, and the fixture tests ran', async () => {
    using ws = createWorkspace('fixed');
    expect(ws.checks).toEqual(['orders.check.mjs']);
    const results = await runPipeline(ciSteps(ws));
    expect(results.map((r) => `${r.name}:${r.status}:${r.findings}`)).toEqual([
      'format:passed:0',
      'lint:passed:0',
      'typecheck:passed:0',
      'test:passed:0',
    ]);
  });
});
