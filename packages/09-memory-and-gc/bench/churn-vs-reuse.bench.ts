import { measureBench, timeBench } from '@lab/common/bench';
import { churn, observeGc, reuse } from '../src/index.ts';

const COUNT = 10_000;
const STEPS = 50;

async function gcSamples(smoke: boolean, pick: (gc: Awaited<ReturnType<typeof observeGc>>['gc']) => number) {
  const rounds = smoke ? 1 : 7;
  const samples = { 'allocate new objects': [] as number[], 'reuse objects in place': [] as number[] };
  for (let r = 0; r < rounds; r++) {
    samples['allocate new objects'].push(pick((await observeGc(() => churn(COUNT, STEPS * 4))).gc));
    samples['reuse objects in place'].push(pick((await observeGc(() => reuse(COUNT, STEPS * 4))).gc));
  }
  return samples;
}

export default [
  timeBench({
    title: `Allocation churn vs object reuse: ${COUNT.toLocaleString('en-US')} points × ${STEPS} steps`,
    baseline: 'allocate new objects',
    tasks: {
      'allocate new objects': () => churn(COUNT, STEPS),
      'reuse objects in place': () => reuse(COUNT, STEPS),
    },
    claims: [
      {
        says: 'updating objects in place is faster than allocating a new object per update',
        subject: 'reuse objects in place',
        below: 1,
      },
    ],
  }),
  measureBench({
    title: `Scavenges (minor GCs) during ${COUNT.toLocaleString('en-US')} points × ${STEPS * 4} steps`,
    baseline: 'allocate new objects',
    unit: 'scavenges',
    better: 'lower',
    measure: ({ smoke }) => gcSamples(smoke, (gc) => gc.minor),
    claims: [
      {
        says: 'reusing objects triggers under a quarter of the scavenges that allocating does',
        subject: 'reuse objects in place',
        below: 0.25,
      },
    ],
  }),
  measureBench({
    title: `Total GC pause during ${COUNT.toLocaleString('en-US')} points × ${STEPS * 4} steps`,
    baseline: 'allocate new objects',
    unit: 'ms',
    better: 'lower',
    measure: ({ smoke }) => gcSamples(smoke, (gc) => gc.pauseMs),
    claims: [
      {
        says: 'reusing objects spends less time paused in GC',
        subject: 'reuse objects in place',
        below: 1,
      },
    ],
  }),
];
