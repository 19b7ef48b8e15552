import { type Bench, interleaved, measureBench } from '@lab/common/bench';
import { BIOME_BIN, runNode, TSC_BIN } from '../src/run-tools.ts';
import { createWorkspace } from '../src/workspace.ts';

/** Runs a tool in a fresh process and insists it succeeded: a failing run would time the wrong work. */
async function timedTool(args: readonly string[], dir: string): Promise<void> {
  const run = await runNode(args, dir);
  if (run.code !== 0) throw new Error(`${args.join(' ')} exited ${run.code}: ${run.stdout}${run.stderr}`);
}

export default [
  measureBench({
    title: 'Biome vs tsc on the same files (the fixed fixture), each run in a fresh process as CI runs them',
    baseline: 'tsc --noEmit',
    unit: 'ms',
    better: 'lower',
    measure: async ({ smoke }) => {
      using full = createWorkspace('fixed');
      // A second copy, so the .tsbuildinfo the incremental runs write cannot change what the full runs do.
      using incremental = createWorkspace('fixed');
      await timedTool([TSC_BIN, '--noEmit', '--incremental', '-p', '.'], incremental.dir); // the first run
      // await before returning: `using` disposes the workspaces when the function returns.
      return await interleaved(
        {
          'tsc --noEmit': () => timedTool([TSC_BIN, '--noEmit', '-p', '.'], full.dir),
          'tsc --noEmit --incremental (second run, nothing changed)': () =>
            timedTool([TSC_BIN, '--noEmit', '--incremental', '-p', '.'], incremental.dir),
          'biome check (format + lint + imports)': () =>
            timedTool([BIOME_BIN, 'check', ...full.files], full.dir),
        },
        { rounds: smoke ? 2 : 10, warmupRounds: 1 },
      );
    },
    claims: [
      {
        says: 'Biome formats, lints and sorts imports in under half the time tsc takes to type-check the same files',
        subject: 'biome check (format + lint + imports)',
        below: 0.5,
        seed: 'The series: ruff is "extremely fast (Rust)", mypy "thorough"; it gives no figure',
      },
      {
        says: 'On a small project --incremental saves little: a second run with nothing changed still costs over half a full one (loading the compiler and the lib files dominate)',
        subject: 'tsc --noEmit --incremental (second run, nothing changed)',
        above: 0.5,
      },
    ],
  }),
] satisfies Bench[];
