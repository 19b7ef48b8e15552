import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE, explain } from '../src/catalogue.ts';
import { type Diagnostic, shortForm, sortDiagnostics } from '../src/diagnostic.ts';
import { type BiomeCommand, runBiome, runTsc } from '../src/run-tools.ts';
import { Checker, flagReport } from '../src/strict-flags.ts';
import { BIOME_CONFIG } from '../src/tool-config.ts';
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
    expect(readdirSync(ws.dir).sort()).toEqual([
      'biome.json',
      'ids.ts',
      'money.ts',
      'orders.ts',
      'package.json',
      'tsconfig.json',
    ]);
  });

  it('lives in a fresh, named folder under the OS temp dir that dispose removes, twice without error', () => {
    expect(dirname(ws.dir)).toBe(tmpdir());
    expect(basename(ws.dir)).toMatch(/^lab-code-quality-flawed-\w{6}$/);
    const other = createWorkspace('flawed');
    expect(other.dir).not.toBe(ws.dir);
    other[Symbol.dispose]();
    expect(existsSync(other.dir)).toBe(false);
    other[Symbol.dispose]();
    expect(existsSync(ws.dir)).toBe(true);
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

  it('the compiler API in process agrees with the binary, field for field', async () => {
    expect(inOrder(checker.check())).toEqual(TSC_FINDINGS);
    const { diagnostics } = await runTsc(ws.dir);
    expect(checker.check()).toEqual(sortDiagnostics(diagnostics));
  });

  it('a compiler-wide complaint that belongs to no file of the workspace is not one of its findings', () => {
    // An unknown `types` entry is a global TS2688, with no file: the findings stay those of the files.
    expect(checker.check({ types: ['does-not-exist'] })).toEqual(checker.check());
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

  it('the catalogue describes exactly the findings the fixture triggers, each with a sentence of its own', () => {
    const found = new Set([...BIOME_FINDINGS, ...TSC_FINDINGS, 'TS2339@45'].map((f) => f.split('@')[0]));
    expect(Object.keys(CATALOGUE).sort()).toEqual([...found].sort());
    const prevents = Object.values(CATALOGUE).map((e) => e.prevents);
    for (const sentence of prevents) expect(sentence.length, sentence).toBeGreaterThan(20);
    expect(new Set(prevents).size).toBe(prevents.length);
  });

  it('each tsc entry names the flag that, switched on alone, produces that code', () => {
    const { flags } = flagReport(checker);
    const flagAt = new Map<string, string[]>();
    for (const { flag, catches } of flags) {
      for (const finding of catches) flagAt.set(finding, [...(flagAt.get(finding) ?? []), flag]);
    }
    // TS18048 comes from two flags (a find() that missed, an index that missed): the entry names both.
    for (const [finding, producers] of flagAt) {
      const code = finding.split('@')[0] ?? '';
      for (const flag of producers) expect(explain(code).from, finding).toContain(flag);
    }
    // With strictNullChecks on (the repo's config) line 45 reads TS18046 instead of TS2339: same flag.
    const line45 = checker.check().filter((d) => d.line === 45);
    expect(line45.map(shortForm)).toEqual(['TS18046@45']);
    expect(flagAt.get('TS2339@45')).toEqual(['useUnknownInCatchVariables']);
    expect(explain('TS18046').from).toBe('useUnknownInCatchVariables');
  });

  it('each Biome entry names what reports it: the formatter, the assist, or a lint rule this repo raised or kept', async () => {
    const codes = async (command: BiomeCommand) =>
      new Set((await runBiome(ws.dir, ws.files, command)).diagnostics.map((d) => d.code));
    const format = await codes('format');
    const lint = await codes('lint');
    const check = await codes('check');
    const rules = BIOME_CONFIG.linter.rules as unknown as Record<string, Readonly<Record<string, string>>>;
    const expected = [...check].map((code) => {
      if (format.has(code)) return [code, 'biome format'];
      if (!lint.has(code)) return [code, 'biome assist'];
      const [, group = '', rule = ''] = code.split('/');
      return [code, rules[group]?.[rule] === 'error' ? 'biome (error in this repo)' : 'biome recommended'];
    });
    expect(expected.map(([code]) => code).sort()).toEqual(
      BIOME_FINDINGS.map((f) => f.split('@')[0] ?? '').sort(),
    );
    expect(Object.fromEntries([...check].map((code) => [code, explain(code).from]))).toEqual(
      Object.fromEntries(expected),
    );
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

  it('the compiler API flattens a chained message onto one line, as the binary prints it on several', async () => {
    writeFileSync(
      join(ws.dir, 'chain.ts'),
      'export const f: (a: string) => void = (a: number) => {\n  void a;\n};\n',
    );
    const [found, ...rest] = new Checker({ ...ws, files: [...ws.files, 'chain.ts'] }).check();
    expect(rest).toEqual([]);
    expect(found).toEqual({
      tool: 'tsc',
      code: 'TS2322',
      file: 'chain.ts',
      line: 1,
      severity: 'error',
      message:
        "Type '(a: number) => void' is not assignable to type '(a: string) => void'.   Types of parameters 'a' and 'a' are incompatible.     Type 'string' is not assignable to type 'number'.",
    });
    const { run } = await runTsc(ws.dir);
    expect(run.stdout.split('\n').slice(0, 3)).toEqual([
      "chain.ts(1,14): error TS2322: Type '(a: number) => void' is not assignable to type '(a: string) => void'.",
      "  Types of parameters 'a' and 'a' are incompatible.",
      "    Type 'string' is not assignable to type 'number'.",
    ]);
  });
});
