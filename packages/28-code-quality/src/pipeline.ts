import { tsxExecArgv } from '@lab/common/workers';
import { runBiome, runNode, runTsc } from './run-tools.ts';
import type { Checker } from './strict-flags.ts';
import type { Workspace } from './workspace.ts';

export interface StepOutcome {
  ok: boolean;
  /** Diagnostics, or failed tests. */
  findings: number;
}

export interface Step {
  name: string;
  run: () => Promise<StepOutcome>;
}

export interface StepResult extends StepOutcome {
  name: string;
  status: 'passed' | 'failed' | 'skipped';
  ms: number;
}

/**
 * Runs steps in order and stops at the first failure: the rest are reported as skipped, not run. Cheap
 * steps go first so a formatting slip costs a second of CI, not the minutes of a test suite.
 */
export async function runPipeline(
  steps: readonly Step[],
  now: () => number = performance.now.bind(performance),
) {
  const results: StepResult[] = [];
  let failed = false;
  for (const step of steps) {
    if (failed) {
      results.push({ name: step.name, status: 'skipped', ok: false, findings: 0, ms: 0 });
      continue;
    }
    const start = now();
    const outcome = await step.run();
    results.push({
      name: step.name,
      status: outcome.ok ? 'passed' : 'failed',
      ...outcome,
      ms: now() - start,
    });
    failed = !outcome.ok;
  }
  return results;
}

/**
 * The CI order on a workspace: format → lint → typecheck → test (the node:test files, *.check.mjs). The
 * typecheck runs `tsc` in a fresh process, or on `checker` (the compiler API in this process, warm) if given.
 */
export function ciSteps(workspace: Workspace, checker?: Checker): Step[] {
  const { dir, files, checks } = workspace;
  const biome = (command: 'format' | 'lint') => async () => {
    const { run, diagnostics } = await runBiome(dir, files, command);
    return { ok: run.code === 0, findings: diagnostics.length };
  };
  return [
    { name: 'format', run: biome('format') },
    { name: 'lint', run: biome('lint') },
    {
      name: 'typecheck',
      run: async () => {
        if (checker) {
          const found = checker.check();
          return { ok: found.length === 0, findings: found.length };
        }
        const { run, diagnostics } = await runTsc(dir);
        return { ok: run.code === 0, findings: diagnostics.length };
      },
    },
    {
      name: 'test',
      run: async () => {
        if (checks.length === 0) return { ok: true, findings: 0 };
        const run = await runNode([...tsxExecArgv(), '--test', '--test-reporter=tap', ...checks], dir);
        const failed = Number(/^# fail (\d+)/m.exec(run.stdout)?.[1] ?? (run.code === 0 ? 0 : 1));
        return { ok: run.code === 0, findings: failed };
      },
    },
  ];
}
