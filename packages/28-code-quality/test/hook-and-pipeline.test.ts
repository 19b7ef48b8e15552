import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ciSteps, runPipeline, type Step, type StepOutcome } from '../src/pipeline.ts';
import { commitCount, createHookedRepo, type HookedRepo, hookScript, tryCommit } from '../src/pre-commit.ts';
import { Checker } from '../src/strict-flags.ts';
import { createWorkspace, fixturesDir, type Workspace } from '../src/workspace.ts';

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

  it('dispose removes the repository, and a second dispose is harmless', async () => {
    const other = await createHookedRepo();
    expect(existsSync(join(other.dir, '.git', 'hooks', 'pre-commit'))).toBe(true);
    other[Symbol.dispose]();
    expect(existsSync(other.dir)).toBe(false);
    other[Symbol.dispose]();
  });

  it('the hook checks only staged .ts files', () => {
    const script = hookScript('/bin/biome', '/bin/node');
    expect(script.startsWith('#!/bin/sh\n')).toBe(true);
    expect(script).toContain("git diff --cached --name-only --diff-filter=ACMR -- '*.ts'");
    expect(script).toContain('exec "/bin/node" "/bin/biome" check');
  });
});

/** Runs `body` with these environment variables set, then puts the environment back as it was. */
async function withEnv<T>(vars: Record<string, string>, body: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  try {
    return await body();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

describe('the hooked repository ignores the environment it is run from', { timeout: 60_000 }, () => {
  let home: string;
  beforeAll(() => {
    home = mkdtempSync(join(tmpdir(), 'lab-pre-commit-home-'));
  });
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  const refusedThenAccepted = async () => {
    using repo = await createHookedRepo();
    const refused = await tryCommit(repo, 'orders.ts', fixture('flawed'));
    const accepted = await tryCommit(repo, 'orders.ts', fixture('fixed'));
    return [
      refused.accepted,
      refused.output.includes('noDoubleEquals'),
      accepted.accepted,
      await commitCount(repo),
    ];
  };

  it("another repository's hook variables (GIT_DIR, GIT_INDEX_FILE) do not redirect it", async () => {
    const elsewhere = join(home, 'elsewhere');
    const result = await withEnv(
      { GIT_DIR: join(elsewhere, '.git'), GIT_INDEX_FILE: join(elsewhere, 'index') },
      refusedThenAccepted,
    );
    expect(result).toEqual([false, true, true, 1]);
    expect(existsSync(elsewhere)).toBe(false);
  });

  it("a user's global config with no identity and a hooksPath of its own: the repo's hook still runs", async () => {
    const user = join(home, 'user');
    mkdirSync(user);
    writeFileSync(join(user, '.gitconfig'), '[core]\n\thooksPath = /nonexistent/lab-hooks\n');
    const result = await withEnv({ HOME: user, XDG_CONFIG_HOME: user }, refusedThenAccepted);
    expect(result).toEqual([false, true, true, 1]);
  });

  it('a git that cannot start (a broken global config) makes createHookedRepo reject with what git said', async () => {
    const broken = join(home, 'broken');
    mkdirSync(broken);
    writeFileSync(join(broken, '.gitconfig'), '[core\n');
    await withEnv({ HOME: broken, XDG_CONFIG_HOME: broken }, async () => {
      await expect(createHookedRepo()).rejects.toThrow(/^git init failed: fatal: bad config line 1/);
    });
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
    expect(results.map((r) => [r.name, r.status, r.ok, r.findings, r.ms])).toEqual([
      ['format', 'passed', true, 0, 5],
      ['lint', 'failed', false, 3, 5],
      ['typecheck', 'skipped', false, 0, 0],
      ['test', 'skipped', false, 0, 0],
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

/** A checker that counts how often the pipeline asks it for diagnostics. */
class CountingChecker extends Checker {
  calls = 0;
  override check(...args: Parameters<Checker['check']>) {
    this.calls += 1;
    return super.check(...args);
  }
}

const runStep = (ws: Workspace, name: string, checker?: Checker): Promise<StepOutcome> => {
  const step = ciSteps(ws, checker).find((s) => s.name === name);
  if (!step) throw new Error(`no step ${name}`);
  return step.run();
};

describe('each CI step on its own', { timeout: 120_000 }, () => {
  it('flawed: format finds 1, lint 5 (no format or import findings), tsc 7; no checks is a pass', async () => {
    using ws = createWorkspace('flawed');
    expect(await runStep(ws, 'format')).toEqual({ ok: false, findings: 1 });
    expect(await runStep(ws, 'lint')).toEqual({ ok: false, findings: 5 });
    expect(await runStep(ws, 'typecheck')).toEqual({ ok: false, findings: 7 });
    expect(await runStep(ws, 'test')).toEqual({ ok: true, findings: 0 });
  });

  it('the typecheck asks the given checker once, in this process, instead of spawning tsc', async () => {
    using flawed = createWorkspace('flawed');
    using fixed = createWorkspace('fixed');
    const failing = new CountingChecker(flawed);
    expect(await runStep(flawed, 'typecheck', failing)).toEqual({ ok: false, findings: 7 });
    expect(failing.calls).toBe(1);
    const passing = new CountingChecker(fixed);
    expect(await runStep(fixed, 'typecheck', passing)).toEqual({ ok: true, findings: 0 });
    expect(passing.calls).toBe(1);
  });

  describe('the test step', () => {
    let ws: Workspace;
    beforeAll(() => {
      ws = createWorkspace('fixed');
      const failing = Array.from(
        { length: 12 },
        (_, i) => `test('case ${i}', () => assert.equal(${i}, -1));`,
      ).join('\n');
      const header = "import assert from 'node:assert/strict';\nimport { test } from 'node:test';\n";
      writeFileSync(join(ws.dir, 'many.check.mjs'), `${header}${failing}\n`);
      // A passing test whose output mentions a failure count: the TAP reporter relays it as a comment line.
      writeFileSync(
        join(ws.dir, 'noisy.check.mjs'),
        `${header}test('talks', () => { console.log('report: # fail 99'); });\n`,
      );
      // Named so `node --test` would find it on its own: the step must run only the listed checks.
      writeFileSync(join(ws.dir, 'stray.test.mjs'), `${header}test('stray', () => assert.fail('ran'));\n`);
    });
    afterAll(() => ws[Symbol.dispose]());

    it('counts every failed test from the TAP summary, past 9', async () => {
      expect(await runStep({ ...ws, checks: ['many.check.mjs'] }, 'test')).toEqual({
        ok: false,
        findings: 12,
      });
    });

    it('reads the summary line, not a test output that looks like one', async () => {
      expect(await runStep({ ...ws, checks: ['noisy.check.mjs'] }, 'test')).toEqual({
        ok: true,
        findings: 0,
      });
    });

    it('runs only the listed checks: with none listed, a test file that node --test would find is not run', async () => {
      expect(await runStep({ ...ws, checks: [] }, 'test')).toEqual({ ok: true, findings: 0 });
    });

    it('a runner that cannot start (a missing check file, no TAP summary) is one failure', async () => {
      expect(await runStep({ ...ws, checks: ['missing.check.mjs'] }, 'test')).toEqual({
        ok: false,
        findings: 1,
      });
    });
  });
});
