import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { testPostgres } from '@lab/common/testing';
import { tsxExecArgv } from '@lab/common/workers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSuite, type SuiteReport } from '../src/suite-runner.ts';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const sampleDir = join(packageDir, 'sample');

describe('runSuite on the sample suite', () => {
  let report: SuiteReport;
  beforeAll(async () => {
    // The sample's integration file reads DATABASE_URL; testPostgres sets it from the global setup.
    await (await testPostgres(import.meta.url)).end();
    report = await runSuite(sampleDir);
  }, 120_000);

  it('runs every sample test, all passing', () => {
    expect(report.brokenFiles).toEqual([]);
    expect(report.failed).toBe(0);
    expect(report.passed).toBe(report.cases.length);
    expect(report.cases.map((c) => c.file)).toEqual([
      ...Array<string>(4).fill('doubles.test.ts'),
      ...Array<string>(8).fill('pricing.test.ts'),
      ...Array<string>(3).fill('users.test.ts'),
    ]);
  });

  it('names parametrised tests from their rows, in declaration order', () => {
    const names = report.cases.filter((c) => c.file === 'pricing.test.ts').map((c) => c.name);
    expect(names.slice(1, 4)).toEqual([
      "priceAfterDiscount > 'WELCOME10' takes 1000 to 900",
      "priceAfterDiscount > 'HALF' takes 999 to 500",
      "priceAfterDiscount > 'STAFF' takes 1 to 1",
    ]);
  });

  it('marks the xfail test: declared to fail, reported as passed', () => {
    const xfail = report.cases.filter((c) => c.expectedToFail);
    expect(xfail.map((c) => [c.name, c.state])).toEqual([
      ['priceAfterDiscount > treats the code case-insensitively (not yet)', 'passed'],
    ]);
  });

  it('records a duration for every test that ran', () => {
    expect(report.cases.every((c) => c.durationMs > 0)).toBe(true);
  });
});

describe('runSuite on a failing suite', () => {
  const dir = mkdtempSync(join(packageDir, '.tmp-suite-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports the failure and its message, a broken file, and leaves process.exitCode alone', async () => {
    writeFileSync(
      join(dir, 'a.test.ts'),
      `import { expect, it } from 'vitest';
it('adds', () => { expect(1 + 1).toBe(3); });
it('subtracts', () => { expect(2 - 1).toBe(1); });
`,
    );
    writeFileSync(join(dir, 'b.test.ts'), `throw new Error('broken at import');\n`);
    const before = process.exitCode;
    const report = await runSuite(dir);
    expect(process.exitCode).toBe(before);
    expect(report.cases.map((c) => [c.name, c.state])).toEqual([
      ['adds', 'failed'],
      ['subtracts', 'passed'],
    ]);
    expect(report.cases[0]?.error).toContain('expected 2 to be 3');
    expect(report.cases[1] && 'error' in report.cases[1]).toBe(false);
    expect([report.passed, report.failed]).toEqual([1, 1]);
    expect(report.brokenFiles).toEqual(['b.test.ts']);
  }, 120_000);

  it('restores process.exitCode, which startVitest sets to 1 on a failure (checked in a plain Node process)', async () => {
    const script = join(dir, 'run.mts');
    writeFileSync(
      script,
      `import { runSuite } from ${JSON.stringify(join(packageDir, 'src/suite-runner.ts'))};
const report = await runSuite(${JSON.stringify(dir)}, { filters: ['a.test'] });
console.log(report.failed, process.exitCode);
`,
    );
    const { stdout } = await promisify(execFile)(process.execPath, [...tsxExecArgv(), script], {
      cwd: packageDir,
    });
    expect(stdout.trim()).toBe('1 undefined');
  }, 120_000);

  it('runs only the files a filter names', async () => {
    writeFileSync(join(dir, 'c.test.ts'), `import { it } from 'vitest';\nit('c', () => {});\n`);
    const report = await runSuite(dir, { filters: ['c.test'] });
    expect(report.cases.map((c) => `${c.file}:${c.name}:${c.state}`)).toEqual(['c.test.ts:c:passed']);
  }, 120_000);
});
