import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatDuration, kv, lessonCheck, runDemo, say, table } from '@lab/common';
import {
  Checker,
  ciSteps,
  commitCount,
  createHookedRepo,
  createParseCache,
  createWorkspace,
  type Diagnostic,
  explain,
  fixturesDir,
  flagReport,
  runBiome,
  runPipeline,
  sortDiagnostics,
  tryCommit,
  type Workspace,
} from './src/index.ts';

// One scratch copy of each fixture and one warm compiler for the whole tour.
const flawed: Workspace = createWorkspace('flawed');
const fixed: Workspace = createWorkspace('fixed');
const parsed = createParseCache();
const checker = new Checker(flawed, parsed);
process.once('exit', () => {
  flawed[Symbol.dispose]();
  fixed[Symbol.dispose]();
});

function findingsTable(diagnostics: readonly Diagnostic[]): void {
  table(
    sortDiagnostics(diagnostics).map((d) => ({
      line: d.line === 0 ? 'file' : d.line,
      finding: d.code.replace(/^lint\//, ''),
      from: explain(d.code).from,
      prevents: explain(d.code).prevents,
    })),
  );
}

async function biomeSection(): Promise<void> {
  const { run, diagnostics } = await runBiome(flawed.dir, flawed.files);
  findingsTable(diagnostics);
  say(
    `biome check exit code ${run.code}: ${diagnostics.length} findings, in the order format, imports, lint.`,
  );
}

function tscSection(): void {
  findingsTable(checker.check());
  say('None of these is a style question: each is a crash or a wrong answer that the tests may not reach.');
}

function flagsSection(): void {
  const { loose, flags } = flagReport(checker);
  table(flags.map(({ flag, catches }) => ({ flag, 'catches in orders.ts': catches.join(', ') || '—' })));
  kv({ 'tsc with every flag off': `${loose.length} errors — the same file "type-checks"` });
}

async function hookSection(): Promise<void> {
  using repo = await createHookedRepo();
  const read = (name: string) => readFileSync(join(fixturesDir, name, 'orders.ts'), 'utf8');
  const refused = await tryCommit(repo, 'orders.ts', read('flawed'));
  const commitsAfterRefusal = await commitCount(repo);
  const accepted = await tryCommit(repo, 'orders.ts', read('fixed'));
  kv({
    'commit the flawed orders.ts': refused.accepted ? 'accepted' : 'refused by .git/hooks/pre-commit',
    'the hook said (first line)': refused.output.split('\n').find((l) => l.includes('━')) ?? '',
    'commits after the refusal': commitsAfterRefusal,
    'commit the fixed orders.ts': accepted.accepted ? 'accepted' : 'refused',
    'commits now': await commitCount(repo),
  });
}

async function pipelineSection(): Promise<void> {
  const stoppedAt = await runPipeline(ciSteps(flawed));
  // The fixed run type-checks with the compiler already warm from the sections above (CI starts tsc cold).
  const passed = await runPipeline(ciSteps(fixed, new Checker(fixed, parsed)));
  const rows = [
    ...stoppedAt.map((r) => ({ fixture: 'flawed', ...r })),
    ...passed.map((r) => ({ fixture: 'fixed', ...r })),
  ];
  table(
    rows.map((r) => ({
      fixture: r.fixture,
      step: r.name,
      status: r.status,
      findings: r.findings,
      time: r.status === 'skipped' ? '—' : formatDuration(r.ms),
    })),
  );
  const total = (results: typeof passed) => results.reduce((sum, r) => sum + r.ms, 0);
  lessonCheck(
    total(stoppedAt) < total(passed),
    'a change that fails formatting costs CI one cheap step, not the whole pipeline',
    `flawed stopped after ${formatDuration(total(stoppedAt))}; the full pipeline took ${formatDuration(total(passed))}`,
    'pnpm bench code-quality',
  );
}

await runDemo({
  title: 'Code quality tooling',
  subtitle: 'Part 3, Q8 — Biome, strict tsc, a pre-commit hook and the CI order, run on a flawed file',
  sections: [
    {
      id: 'biome',
      title: 'Biome on the flawed fixture: format, imports, lint',
      why: 'One Rust binary formats, sorts imports and lints; --reporter=json gives findings a program can read.',
      run: biomeSection,
    },
    {
      id: 'tsc',
      title: 'tsc --strict on the same file',
      why: 'The type checker finds what needs types: undefined from find() and [0], unknown in catch, missing override.',
      run: tscSection,
    },
    {
      id: 'flags',
      title: 'What each strictness flag catches, one at a time',
      why: 'Each flag on its own (with the flags it needs), against the same file, through the compiler API.',
      run: flagsSection,
    },
    {
      id: 'hook',
      title: 'A real pre-commit hook refusing the flawed file',
      why: 'A throw-away git repository under the temp dir, a shell hook that runs Biome on the staged .ts files.',
      run: hookSection,
    },
    {
      id: 'pipeline',
      title: 'The CI order: format → lint → typecheck → test',
      why: 'Cheapest and most likely to fail first, stop at the first failure.',
      run: pipelineSection,
    },
  ],
});
