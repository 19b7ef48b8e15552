import { fileURLToPath } from 'node:url';
import { measureBench } from '@lab/common/bench';
import { databaseUrl } from '@lab/common/services';
import { runSuite } from '../src/suite-runner.ts';

const SAMPLE = fileURLToPath(new URL('../sample', import.meta.url));

/** Which sample file holds which kind of test. */
const KINDS = {
  'unit test (pure function)': 'pricing.test.ts',
  'test with doubles (vi.mock, fake timers)': 'doubles.test.ts',
  'integration test (PostgreSQL)': 'users.test.ts',
} as const;

export default [
  measureBench({
    title: 'Cost of one test, by kind, in the same vitest run of the sample suite (smoke: one run)',
    baseline: 'unit test (pure function)',
    unit: 'ms per test',
    better: 'lower',
    // Every sample test is one sample, over several whole runs: the unit and the integration tests share
    // each run's machine load, and the figure is vitest's own per-test duration, fixtures included.
    measure: async ({ smoke }) => {
      await databaseUrl();
      const samples: Record<string, number[]> = Object.fromEntries(Object.keys(KINDS).map((k) => [k, []]));
      for (let run = 0; run < (smoke ? 1 : 5); run++) {
        const report = await runSuite(SAMPLE);
        if (report.failed > 0 || report.brokenFiles.length > 0) throw new Error('the sample suite failed');
        for (const [kind, file] of Object.entries(KINDS)) {
          for (const c of report.cases) if (c.file === file) samples[kind]?.push(c.durationMs);
        }
      }
      return samples;
    },
    claims: [
      {
        says: 'An integration test against PostgreSQL costs over 5× a unit test of a pure function',
        subject: 'integration test (PostgreSQL)',
        above: 5,
        seed: 'The series’ pyramid: unit tests "fast, isolated, many", integration tests fewer; it states no figure.',
      },
      {
        says: 'A test with doubles (module mock, fake timers) costs under half an integration test',
        subject: 'test with doubles (vi.mock, fake timers)',
        against: 'integration test (PostgreSQL)',
        below: 0.5,
      },
    ],
  }),
];
