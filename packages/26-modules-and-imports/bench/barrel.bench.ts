import { measureBench } from '@lab/common/bench';
import { type ColdImport, coldImport, writeModuleGraph } from '../src/barrel.ts';

const MODULES = 300;

/**
 * Cold imports of the same function through the barrel and straight from its file, one fresh Node per
 * sample, the two alternating (A B, B A, …) so a burst of load lands on both alike.
 */
async function coldSamples(smoke: boolean): Promise<Record<'direct' | 'barrel', ColdImport[]>> {
  // The smoke run keeps the graph (writing 300 small files is quick) and shrinks the rounds.
  const graph = await writeModuleGraph(MODULES);
  const samples: Record<'direct' | 'barrel', ColdImport[]> = { direct: [], barrel: [] };
  try {
    const rounds = smoke ? 1 : 25;
    // One untimed pair first: the OS file cache, not Node, would otherwise decide the first sample.
    if (!smoke) {
      await coldImport(graph.direct, graph.pick);
      await coldImport(graph.viaBarrel, graph.pick);
    }
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? (['direct', 'barrel'] as const) : (['barrel', 'direct'] as const);
      for (const which of order) {
        const run = await coldImport(which === 'direct' ? graph.direct : graph.viaBarrel, graph.pick);
        if (!run.found) throw new Error(`${which} import did not deliver ${graph.pick}`);
        samples[which].push(run);
      }
    }
  } finally {
    await graph.remove();
  }
  return samples;
}

let cached: Promise<Record<'direct' | 'barrel', ColdImport[]>> | undefined;
/** Both benches read the same runs: the module count is a property of each run, not a second experiment. */
const runs = (smoke: boolean) => {
  cached ??= coldSamples(smoke);
  return cached;
};

const DIRECT = 'direct: import { f } from ./m150.mjs';
const BARREL = `barrel: import { f } from ./index.mjs (re-exports ${MODULES})`;

export default [
  measureBench({
    title: `Cold import of one function from a ${MODULES}-module package, a fresh Node per sample: barrel vs direct`,
    baseline: DIRECT,
    unit: 'ms',
    better: 'lower',
    measure: async ({ smoke }) => {
      const { direct, barrel } = await runs(smoke);
      return { [DIRECT]: direct.map((r) => r.ms), [BARREL]: barrel.map((r) => r.ms) };
    },
    claims: [
      {
        says: `Importing one function through a barrel of ${MODULES} modules costs over 5× importing it from its file: every re-exported module is read, parsed, linked and run`,
        subject: BARREL,
        above: 5,
        seed: 'The series advises an __init__.py that re-exports the public API; it gives no figure for its cost',
      },
    ],
  }),
  measureBench({
    title: `Modules evaluated by that cold import (the same runs): barrel vs direct`,
    baseline: DIRECT,
    unit: 'modules',
    better: 'lower',
    measure: async ({ smoke }) => {
      const { direct, barrel } = await runs(smoke);
      return { [DIRECT]: direct.map((r) => r.modules), [BARREL]: barrel.map((r) => r.modules) };
    },
    claims: [
      {
        says: `The barrel evaluates every module it re-exports: over 100× the one the direct import needs`,
        subject: BARREL,
        above: 100,
      },
    ],
  }),
];
