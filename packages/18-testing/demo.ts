import { fileURLToPath } from 'node:url';
import { bars, code, formatDuration, formatNumber, kv, lessonCheck, runDemo, say, table } from '@lab/common';
import { type CaseReport, convert, type RateSource, runSuite, type SuiteReport } from './src/index.ts';

const SAMPLE = fileURLToPath(new URL('./sample', import.meta.url));

let running: Promise<SuiteReport> | undefined;
/** The sample suite runs once, whichever section asks first. */
async function sampleReport(): Promise<SuiteReport> {
  running ??= (async () => {
    // The sample's integration file needs a database; this starts or finds the one the kit uses.
    const { databaseUrl } = await import('@lab/common/services');
    await databaseUrl();
    return runSuite(SAMPLE);
  })();
  return running;
}

const kinds = {
  'unit (pricing.test.ts)': (c: CaseReport) => c.file === 'pricing.test.ts',
  'doubles (doubles.test.ts)': (c: CaseReport) => c.file === 'doubles.test.ts',
  'integration (users.test.ts)': (c: CaseReport) => c.file === 'users.test.ts',
};

/** Mean, not median: with three integration tests, the one that pays for the pool's setup is part of the cost. */
const mean = (values: number[]): number =>
  values.length === 0 ? 0 : values.reduce((sum, v) => sum + v, 0) / values.length;

async function reportSection(): Promise<void> {
  const report = await sampleReport();
  table(
    report.cases.map((c) => ({
      file: c.file,
      test: c.name.replace(/^[^>]+> /, ''),
      result: c.expectedToFail ? `${c.state} (xfail)` : c.state,
      ms: formatNumber(c.durationMs),
    })),
  );
  kv({
    passed: report.passed,
    failed: report.failed,
    'files that broke on import': report.brokenFiles.length,
  });
  say('startVitest from vitest/node, inline config: root = sample/, no config file, no global setup.');
}

async function parametrizeSection(): Promise<void> {
  code(`test.each([{ cents: 1000, code: 'WELCOME10', expected: 900 }, …])
  ('$code takes $cents to $expected', ({ cents, code, expected }) => { … })`);
  const report = await sampleReport();
  for (const c of report.cases.filter((c) => c.name.includes(' takes '))) say(`${c.state}: ${c.name}`);
  say('One test per row, named from the row, as @pytest.mark.parametrize makes test_x[a-b-c].');
}

async function fixturesSection(): Promise<void> {
  code(`const test = base.extend<{ pool: Pool; users: UserStore }>({
  pool: [async ({}, use) => { const pool = await testPostgres(…); await use(pool); await pool.end(); },
         { scope: 'file' }],                                   // scope="module"
  users: async ({ pool }, use) => { await use(new UserStore(pool)); await users.clear(); },
});`);
  const report = await sampleReport();
  table(
    report.cases
      .filter(kinds['integration (users.test.ts)'])
      .map((c) => ({ test: c.name.replace(/^[^>]+> /, ''), ms: formatNumber(c.durationMs) })),
  );
  say('The first test pays for the file-scoped pool (connect + migrate); the others reuse it, and each');
  say('test’s users fixture deletes what the test added (the code after `use` is the teardown).');
}

async function doublesSection(): Promise<void> {
  const asked: string[] = [];
  const fakeRates: RateSource = async (from, to) => {
    asked.push(`${from}→${to}`);
    return 1.1;
  };
  kv({ 'convert(1000, EUR, USD, fakeRates)': await convert(1000, 'EUR', 'USD', fakeRates), asked });
  say('Dependency injection: the fake is a plain function, no framework and no patching.');
  code(`vi.mock('../src/_http.ts', () => ({ getJson: vi.fn() }));   // hoisted above the imports
vi.mocked(getJson).mockResolvedValueOnce({ rates: { USD: 1.1 } });`);
  const report = await sampleReport();
  const backoff = report.cases.find((c) => c.name.includes('without waiting for real'));
  kv({
    'module mock test': report.cases.find((c) => c.name.includes('mocked HTTP answer'))?.state,
    'a 60 s backoff under fake timers took': backoff ? formatDuration(backoff.durationMs) : 'not run',
  });
}

async function costSection(): Promise<void> {
  const report = await sampleReport();
  const means = Object.fromEntries(
    Object.entries(kinds).map(([kind, isKind]) => [
      kind,
      mean(report.cases.filter(isKind).map((c) => c.durationMs)),
    ]),
  );
  bars(
    Object.entries(means).map(([label, value]) => ({ label, value })),
    (v) => `${formatNumber(v)} ms per test (mean)`,
  );
  const unit = means['unit (pricing.test.ts)'] ?? 0;
  const integration = means['integration (users.test.ts)'] ?? 0;
  lessonCheck(
    integration > unit * 5,
    'an integration test costs over five times a unit test: keep the pyramid wide at the bottom',
    `integration ${formatNumber(integration)} ms vs unit ${formatNumber(unit)} ms per test`,
    'pnpm bench testing',
  );
}

await runDemo({
  title: 'Testing: pytest → vitest',
  subtitle: 'A sample suite run through vitest’s Node API: parametrize, fixtures, doubles, cost (Part 2, Q8)',
  sections: [
    {
      id: 'report',
      title: 'The sample suite, run from code',
      why: 'vitest is a library as much as a CLI; its report is data: one row per test, with state and duration.',
      run: reportSection,
    },
    {
      id: 'parametrize',
      title: 'test.each is pytest.mark.parametrize',
      why: 'A table of cases, one test each, so a failing row is named in the report.',
      run: parametrizeSection,
    },
    {
      id: 'fixtures',
      title: 'Fixtures with test.extend: dependencies, scope, teardown',
      why: 'pytest’s yield fixtures: setup before `use`, teardown after it, built only for tests that ask.',
      run: fixturesSection,
    },
    {
      id: 'doubles',
      title: 'Doubles: an injected fake vs vi.mock, and fake timers',
      why: 'Replace only what leaves the process (HTTP, the clock); never the database you own.',
      run: doublesSection,
    },
    {
      id: 'cost',
      title: 'What a unit test and an integration test cost',
      why: 'Durations from the same run: the reason most tests should be unit tests, and some must not be.',
      run: costSection,
    },
  ],
});
