import { relative } from 'node:path';
import type { TestModule } from 'vitest/node';

/** One test as vitest reported it. */
export interface CaseReport {
  /** The test file, relative to the suite's root. */
  file: string;
  /** Describe blocks and test name, joined with ` > ` (vitest's fullName). */
  name: string;
  state: 'passed' | 'failed' | 'skipped' | 'pending';
  /** Run time of the test body and its fixtures/hooks around it, as vitest measured it. */
  durationMs: number;
  /** Whether the test was declared with `test.fails` (pytest's xfail): it passes by failing. */
  expectedToFail: boolean;
  /** The first error's message, for a failed test. */
  error?: string;
}

export interface SuiteReport {
  cases: CaseReport[];
  passed: number;
  failed: number;
  /** Files that failed before any test ran (a syntax error, a throwing import). */
  brokenFiles: string[];
}

export interface RunSuiteOptions {
  /** Only files whose path contains one of these strings, like `vitest run <filter>`. */
  filters?: string[];
}

/**
 * Runs the `*.test.ts` files under `root` through vitest's Node API with an inline configuration of its own
 * (no config file, no global setup, no reporters), and returns what happened to every test.
 */
export async function runSuite(root: string, options: RunSuiteOptions = {}): Promise<SuiteReport> {
  // Loaded on demand: vitest/node brings Vite with it, which only this function needs.
  const { startVitest } = await import('vitest/node');
  const exitCodeBefore = process.exitCode;
  const vitest = await startVitest(
    'test',
    options.filters ?? [],
    { root, config: false, watch: false, include: ['**/*.test.ts'], reporters: [{}] },
    { logLevel: 'silent' },
  );
  // startVitest sets process.exitCode = 1 when a test fails; that is this report's news, not the caller's fate.
  process.exitCode = exitCodeBefore;
  try {
    return reportOf(vitest.state.getTestModules(), root);
  } finally {
    await vitest.close();
  }
}

/** Flattens vitest's reported modules into one row per test, in the order the files and tests were declared. */
export function reportOf(modules: readonly TestModule[], root: string): SuiteReport {
  const cases: CaseReport[] = [];
  const brokenFiles: string[] = [];
  const sorted = [...modules].sort((a, b) => a.moduleId.localeCompare(b.moduleId));
  for (const module of sorted) {
    const file = relative(root, module.moduleId);
    if (module.errors().length > 0) brokenFiles.push(file);
    for (const test of module.children.allTests()) {
      const result = test.result();
      const error = result.state === 'failed' ? result.errors?.[0]?.message : undefined;
      cases.push({
        file,
        name: test.fullName,
        state: result.state,
        durationMs: test.diagnostic()?.duration ?? 0,
        expectedToFail: test.options.fails === true,
        ...(error === undefined ? {} : { error }),
      });
    }
  }
  return {
    cases,
    passed: cases.filter((c) => c.state === 'passed').length,
    failed: cases.filter((c) => c.state === 'failed').length,
    brokenFiles,
  };
}
