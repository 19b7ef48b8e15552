import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE, explain } from '../src/catalogue.ts';
import { type Diagnostic, shortForm } from '../src/diagnostic.ts';
import { runBiome, runTsc } from '../src/run-tools.ts';
import { Checker, flagReport } from '../src/strict-flags.ts';
import { createWorkspace, type Workspace } from '../src/workspace.ts';

/** What the flawed fixture is built to trigger, in the fixture's line numbers. */
const BIOME_FINDINGS = [
  'format@0',
  'assist/source/organizeImports@1',
  'lint/suspicious/noFallthroughSwitchClause@24',
  'lint/suspicious/noDoubleEquals@36',
  'lint/suspicious/noDebugger@44',
  'lint/suspicious/noExplicitAny@49',
  'lint/correctness/noUnusedVariables@69',
];
const TSC_FINDINGS = [
  'TS7006@7',
  'TS18048@13',
  'TS18048@18',
  'TS7029@24',
  'TS18046@45',
  'TS2564@60',
  'TS4114@68',
];

const inOrder = (diagnostics: readonly Diagnostic[]) =>
  [...diagnostics].sort((a, b) => a.line - b.line || a.code.localeCompare(b.code)).map(shortForm);

describe('the flawed fixture', { timeout: 120_000 }, () => {
  let ws: Workspace;
  let checker: Checker;
  beforeAll(() => {
    ws = createWorkspace('flawed');
    checker = new Checker(ws);
  });
  afterAll(() => ws[Symbol.dispose]());

  it('copies only the .ts files, with its own tool configs beside them', () => {
    expect(ws.files).toEqual(['ids.ts', 'money.ts', 'orders.ts']);
    expect(ws.checks).toEqual([]);
  });

  it('biome check (the binary, --reporter=json) reports exactly the planted findings, all in orders.ts', async () => {
    const { run, diagnostics } = await runBiome(ws.dir, ws.files);
    expect(run.code).toBe(1);
    expect(inOrder(diagnostics)).toEqual(BIOME_FINDINGS);
    expect(new Set(diagnostics.map((d) => d.file))).toEqual(new Set(['orders.ts']));
    expect(diagnostics.every((d) => d.severity === 'error')).toBe(true);
  });

  it('biome lint alone reports no format or import-order findings', async () => {
    const { diagnostics } = await runBiome(ws.dir, ws.files, 'lint');
    expect(inOrder(diagnostics)).toEqual(BIOME_FINDINGS.filter((f) => f.startsWith('lint/')));
  });

  it('tsc (the binary, --pretty false) reports exactly the planted type errors', async () => {
    const { run, diagnostics } = await runTsc(ws.dir);
    expect(run.code).toBe(2);
    expect(inOrder(diagnostics)).toEqual(TSC_FINDINGS);
    expect(diagnostics.find((d) => d.code === 'TS7006')?.message).toBe(
      "Parameter 'order' implicitly has an 'any' type.",
    );
  });

  it('the compiler API in process agrees with the binary', () => {
    expect(inOrder(checker.check())).toEqual(TSC_FINDINGS);
  });

  it('with every strictness flag off, tsc finds nothing at all', () => {
    expect(flagReport(checker).loose).toEqual([]);
  });

  it('each strictness flag, on its own, catches its own line', () => {
    expect(Object.fromEntries(flagReport(checker).flags.map((f) => [f.flag, f.catches]))).toEqual({
      noImplicitAny: ['TS7006@7'],
      strictNullChecks: ['TS18048@18'],
      strictPropertyInitialization: ['TS2564@60'],
      // Without strictNullChecks an unknown reads as a missing property, not "of type unknown".
      useUnknownInCatchVariables: ['TS2339@45'],
      noUncheckedIndexedAccess: ['TS18048@13'],
      noImplicitOverride: ['TS4114@68'],
      noFallthroughCasesInSwitch: ['TS7029@24'],
    });
  });

  it('every finding has a catalogue entry saying what it prevents', () => {
    for (const code of [...BIOME_FINDINGS, ...TSC_FINDINGS, 'TS2339@45'].map((f) => f.split('@')[0] ?? '')) {
      expect(CATALOGUE[code], code).toBeDefined();
    }
    expect(explain('TS9999')).toEqual({ from: 'tsc', prevents: '(not catalogued)' });
    expect(explain('lint/x/y').from).toBe('biome');
  });
});

describe('the fixed fixture', { timeout: 120_000 }, () => {
  let ws: Workspace;
  beforeAll(() => {
    ws = createWorkspace('fixed');
  });
  afterAll(() => ws[Symbol.dispose]());

  it('biome check finds nothing and exits 0', async () => {
    const { run, diagnostics } = await runBiome(ws.dir, ws.files);
    expect(diagnostics).toEqual([]);
    expect(run.code).toBe(0);
  });

  it('tsc finds nothing and exits 0', async () => {
    const { run, diagnostics } = await runTsc(ws.dir);
    expect(diagnostics).toEqual([]);
    expect(run.code).toBe(0);
  });

  it('the compiler API finds nothing', () => {
    expect(new Checker(ws).check()).toEqual([]);
  });
});
