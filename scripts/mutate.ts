/**
 * `pnpm mutate <topic> [file…]`: mutation testing of one topic's `src/` with Stryker and its vitest runner.
 * A developer tool, not a CI step: a full run takes minutes. Prints the mutation score, the score per file
 * and every mutant the tests let live (file:line, mutator, replacement), then exits 0.
 *
 *   pnpm mutate 33                                    every file in packages/33-rate-limiting/src
 *   pnpm mutate rate-limiting sliding-window-counter.ts   one file (a path relative to src/ or the repo)
 *   pnpm mutate 33 gcra.ts:40-60                      a line range, as Stryker spells it
 *
 * PostgreSQL and Redis are found (or started) once here, as the test runner's global setup would, and each
 * Stryker worker gets a database of its own (tooling/stryker/vitest.config.ts says why).
 * The sandbox and the reports go to `.stryker/` (ignored by git).
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeServices, databaseUrl, locateRedis, postgres } from '@lab/common/services';
import { argumentError, lookUpTopic, parseCommandLine, USAGE_ERROR } from '@lab/tooling/cli';
import { takeRunLock } from '@lab/tooling/run-lock';
import type { Topic } from '@lab/tooling/topics';
import type { Stryker } from '@stryker-mutator/core';

type Options = ConstructorParameters<typeof Stryker>[0];
type Result = Awaited<ReturnType<Stryker['runMutationTest']>>[number];

const root = fileURLToPath(new URL('..', import.meta.url));
const stateDir = join(root, '.stryker');
/** Stryker runs at most this many workers here (two shared cores); each needs its own database. */
const CONCURRENCY = 2;
/** Worker slots: a worker Stryker restarts after a timeout may start before the old one's slot is reclaimed. */
const SLOTS = CONCURRENCY + 2;

function usage(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(USAGE_ERROR);
}

/** `packages/NN-slug`, relative to the repo. */
const folderOf = (topic: Topic): string => relative(root, topic.dir);

/** A file argument → a Stryker mutate pattern relative to the repo, range suffix kept. */
function mutatePattern(arg: string, topic: Topic): string {
  const [, path = arg, range = ''] = /^(.*?)(:\d+(?::\d+)?-\d+(?::\d+)?)?$/.exec(arg) ?? [];
  const src = join(topic.dir, 'src');
  const candidates = [resolve(path), join(src, path), join(root, path)];
  const hit = candidates.find((c) => existsSync(c) && c.startsWith(src));
  if (!hit) usage(`no file '${path}' in ${folderOf(topic)}/src`);
  return `${relative(root, hit)}${range}`;
}

/** Detected / (detected + undetected), as Stryker reports it; compile and runtime errors do not count. */
function score(results: readonly Result[]): {
  score: number;
  killed: number;
  timedOut: number;
  survived: number;
  total: number;
} {
  const killed = results.filter((r) => r.status === 'Killed' || r.status === 'Timeout').length;
  const timedOut = results.filter((r) => r.status === 'Timeout').length;
  const survived = results.filter((r) => r.status === 'Survived' || r.status === 'NoCoverage').length;
  const total = killed + survived;
  return { score: total === 0 ? 100 : (100 * killed) / total, killed, timedOut, survived, total };
}

const USAGE = [
  'usage: pnpm mutate <topic> [file[:lines]…] [--ignore-static] [--incremental]   (topic: number or slug, e.g. 33)',
  '  --ignore-static  skip static mutants (module-level code that every test runs); the score says so',
  "  --incremental    reuse the last run's results for mutants whose code and tests did not change",
].join('\n');

const parseMutateArgs = (args: readonly string[]) =>
  parseCommandLine(args, {
    'ignore-static': { type: 'boolean', default: false },
    incremental: { type: 'boolean', default: false },
  });

function ignoredReasons(results: readonly Result[]): string {
  const counts = new Map<string, number>();
  for (const r of results)
    if (r.status === 'Ignored') {
      const why = r.statusReason ?? 'ignored';
      counts.set(why, (counts.get(why) ?? 0) + 1);
    }
  return [...counts].map(([why, n]) => `${n}: ${why}`).join('; ');
}

const pct = (n: number): string => `${n.toFixed(2)}%`;

function report(results: readonly Result[], topic: Topic): void {
  const out = (line = ''): void => {
    process.stdout.write(`${line}\n`);
  };
  const all = score(results);
  out();
  out(
    `mutation score of ${basename(topic.dir)}: ${pct(all.score)} (${all.killed} killed, ${all.survived} survived)`,
  );
  // Stryker counts a timeout as a kill. A mutant that loops forever earns it; on a busy machine a slow
  // test does too, so the count says how much of the score a quiet re-run should confirm.
  if (all.timedOut > 0)
    out(
      `  of the killed, ${all.timedOut} by timeout (a hang, or a busy machine: re-run those files when quiet)`,
    );
  const ignored = results.filter((r) => r.status === 'Ignored').length;
  // Ignored mutants (--ignore-static, `// Stryker disable`) are outside the score: say how many.
  if (ignored > 0) out(`  not scored: ${ignored} ignored mutants (${ignoredReasons(results)})`);
  const files = [...new Set(results.map((r) => r.fileName))].sort();
  out();
  for (const file of files) {
    const s = score(results.filter((r) => r.fileName === file));
    out(
      `  ${pct(s.score).padStart(7)}  ${String(s.survived).padStart(3)} of ${String(s.total).padStart(3)} survived  ${relative(root, resolve(root, file))}`,
    );
  }
  const alive = results
    .filter((r) => r.status === 'Survived' || r.status === 'NoCoverage')
    .sort(
      (a, b) =>
        a.fileName.localeCompare(b.fileName) ||
        a.location.start.line - b.location.start.line ||
        a.location.start.column - b.location.start.column,
    );
  if (alive.length > 0) {
    out();
    out('surviving mutants:');
    for (const r of alive) {
      const where = `${relative(root, resolve(root, r.fileName))}:${r.location.start.line}:${r.location.start.column + 1}`;
      const replacement = r.replacement.replace(/\s+/g, ' ');
      const shown = replacement.length > 100 ? `${replacement.slice(0, 97)}...` : replacement;
      const why = r.status === 'NoCoverage' ? ' (no test runs it)' : '';
      out(`  ${where}  ${r.mutatorName}${why}  → ${shown}`);
    }
  }
  out();
  out(`report: ${relative(root, join(stateDir, topic.slug, 'reports', 'mutation.html'))}`);
}

/** One database per worker slot, on the server the tests would use; dropped again at the end. */
async function workerDatabases(topic: Topic, action: 'create' | 'drop'): Promise<void> {
  const pool = await postgres({ max: 1 });
  try {
    for (let slot = 0; slot < SLOTS; slot++) {
      const name = `lab_mutate_${topic.number}_${slot}`;
      // WITH (FORCE): a worker killed mid-test may leave a connection behind.
      await pool.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      if (action === 'create') await pool.query(`CREATE DATABASE ${name}`);
    }
  } finally {
    await pool.end();
  }
}

async function main(): Promise<void> {
  let parsed: ReturnType<typeof parseMutateArgs>;
  try {
    parsed = parseMutateArgs(process.argv.slice(2));
  } catch (error) {
    usage(`${argumentError(error)}\n${USAGE}`);
  }
  const {
    values: { 'ignore-static': ignoreStatic, incremental },
    positionals: [query, ...fileArgs],
  } = parsed;
  if (!query) usage(USAGE);
  const found = lookUpTopic(query);
  if (!found.ok) usage(found.message);
  const { topic } = found;
  const dir = folderOf(topic);
  if (!existsSync(join(root, dir, 'test'))) usage(`${dir} has no test/ folder: nothing to kill mutants with`);
  const mutate = fileArgs.length > 0 ? fileArgs.map((f) => mutatePattern(f, topic)) : [`${dir}/src/**/*.ts`];

  // A second run of this topic would wipe the sandbox this one tests in (below): refuse it instead.
  const lockFile = join(stateDir, topic.slug, 'run.lock');
  const lock = takeRunLock(lockFile);
  if (!lock.ok)
    usage(
      `pnpm mutate ${topic.slug} is already running (pid ${lock.holder}): a second run of the same topic would delete its sandbox. Wait for it, or run another topic (${relative(root, lockFile)})`,
    );
  process.on('exit', lock.release);

  process.chdir(root);
  await databaseUrl();
  const redis = await locateRedis();
  if (!redis.ok) process.stderr.write(`no Redis (${redis.reason}): tests that need it will fail\n`);
  else process.env.REDIS_URL = redis.url;
  await workerDatabases(topic, 'create');

  // Per topic, so two topics can be mutated at once; a run of the same topic would share them.
  const own = join(stateDir, topic.slug);
  const slots = join(own, 'slots');
  // Sandboxes a failed run left behind (Stryker removes its sandbox only after a complete run).
  rmSync(join(own, 'tmp'), { recursive: true, force: true });
  rmSync(slots, { recursive: true, force: true });
  mkdirSync(slots, { recursive: true });
  process.env.LAB_MUTATE_PROJECT = topic.slug;
  process.env.LAB_MUTATE_SLOTS = slots;
  process.env.LAB_MUTATE_SLOT_COUNT = String(SLOTS);
  process.env.LAB_MUTATE_DATABASE_PREFIX = `lab_mutate_${topic.number}_`;

  const reports = join('.stryker', topic.slug, 'reports');
  const options: Options = {
    mutate,
    testRunner: 'vitest',
    // Stryker looks for plugins next to its own package; pnpm keeps the runner elsewhere.
    plugins: [import.meta.resolve('@stryker-mutator/vitest-runner')],
    vitest: { configFile: 'tooling/stryker/vitest.config.ts', related: true },
    coverageAnalysis: 'perTest',
    // Stryker's default prepends `// @ts-nocheck` to every .ts/.js file it copies, fixtures included (28's
    // tests run tsc and Biome on theirs and count findings); only the mutated sources need it.
    disableTypeChecks: 'packages/*/src/**/*.{ts,mts,cts,js,mjs}',
    concurrency: CONCURRENCY,
    // The machine is shared: a mutant is a timeout only when it is far slower than the dry run.
    timeoutMS: 15_000,
    timeoutFactor: 2,
    tempDirName: join('.stryker', topic.slug, 'tmp'),
    // .practice-*: snippet files the practice test writes and deletes while Stryker copies the tree.
    ignorePatterns: ['/.stryker', '/benchmarks/results', '/coverage', '.practice-*'],
    reporters: ['html', 'json', process.stderr.isTTY ? 'progress' : 'dots'],
    htmlReporter: { fileName: join(reports, 'mutation.html') },
    jsonReporter: { fileName: join(reports, 'mutation.json') },
    incrementalFile: join(reports, 'incremental.json'),
    incremental,
    ignoreStatic,
    // A string enum in Stryker's types; the value is what its CLI takes.
    logLevel: 'warn' as Options['logLevel'],
    cleanTempDir: true,
  };
  try {
    // Loaded only now: Stryker is heavy, and a typo should be answered at once.
    const { Stryker: StrykerRun } = await import('@stryker-mutator/core');
    const results = await new StrykerRun(options).runMutationTest();
    report(results, topic);
  } finally {
    await workerDatabases(topic, 'drop').catch(() => {});
    rmSync(slots, { recursive: true, force: true });
    await closeServices();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`pnpm mutate: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
