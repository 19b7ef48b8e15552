import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { type Bench, interleaved, measureBench } from '@lab/common/bench';
import {
  buildAllWithEsbuild,
  buildWithTsc,
  cliBuilds,
  copySampleLib,
  removeDist,
  transpileWithTsc,
} from '../src/build.ts';

/**
 * Times each build of a fresh copy of the sample library, in turns (interleaved), each from an empty dist/.
 * The copy is made once per bench and removed after it.
 */
async function timeBuilds(
  builds: Record<string, (dir: string) => unknown>,
  rounds: number,
  warmupRounds: number,
): Promise<Record<string, number[]>> {
  const dir = copySampleLib();
  try {
    const tasks = Object.fromEntries(
      Object.entries(builds).map(([name, build]) => [
        name,
        async () => {
          removeDist(dir);
          await build(dir);
        },
      ]),
    );
    return await interleaved(tasks, { rounds, warmupRounds });
  } finally {
    rmSync(dirname(dir), { recursive: true, force: true });
  }
}

const TSC_CLI = 'tsc -p (new process: type-check, JS + .d.ts)';
const ESBUILD_CLI = 'esbuild (new process: bundle ESM + CLI, no types)';
const TSC_API = 'tsc API: createProgram + emit (JS + .d.ts)';
const TSC_DECLARATIONS = 'tsc API: declarations only (emitDeclarationOnly)';
const TSC_TRANSPILE = 'tsc API: transpileModule per file (no type-check)';
const ESBUILD_API = 'esbuild API: ESM + CJS bundles';

export default [
  measureBench({
    title:
      'Building the sample library from the command line (a fresh process per build, as npm run build does)',
    baseline: TSC_CLI,
    unit: 'ms',
    better: 'lower',
    measure: ({ smoke }) =>
      timeBuilds(
        { [TSC_CLI]: cliBuilds.tsc, [ESBUILD_CLI]: cliBuilds.esbuild },
        smoke ? 1 : 6,
        smoke ? 0 : 1,
      ),
    claims: [
      {
        says: 'esbuild builds the library in under a fifth of the time tsc takes from the command line',
        subject: ESBUILD_CLI,
        below: 0.2,
        seed: 'The series compares build backends (hatchling, setuptools, flit) by features; it gives no timing',
      },
    ],
  }),
  measureBench({
    title: 'The same builds inside one warm process (compiler APIs): where tsc spends its time',
    baseline: TSC_API,
    unit: 'ms',
    better: 'lower',
    measure: ({ smoke }) =>
      timeBuilds(
        {
          [TSC_API]: buildWithTsc,
          [TSC_DECLARATIONS]: (dir) => buildWithTsc(dir, { declarationsOnly: true }),
          [TSC_TRANSPILE]: transpileWithTsc,
          [ESBUILD_API]: buildAllWithEsbuild,
        },
        smoke ? 1 : 8,
        smoke ? 0 : 2,
      ),
    claims: [
      {
        says: 'esbuild’s API bundles both formats in under a quarter of the time of a tsc program build',
        subject: ESBUILD_API,
        below: 0.25,
      },
      {
        says: 'Stripping types file by file costs under half a program build: tsc’s time is the type-check',
        subject: TSC_TRANSPILE,
        below: 0.5,
      },
      {
        says: 'Emitting declarations alone still costs over half a full build: .d.ts needs the checked program',
        subject: TSC_DECLARATIONS,
        above: 0.5,
      },
    ],
  }),
] satisfies Bench[];
