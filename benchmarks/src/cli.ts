import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { style } from '@lab/common/output';
import { tsxExecArgv } from '@lab/common/workers';
import { exitOnEpipe, lookUpTopic, topicBanner, USAGE_ERROR } from '@lab/tooling/cli';
import { listTopics, repoRoot, type Topic } from '@lab/tooling/topics';
import { parseArgs, USAGE } from './args.ts';
import { benchFiles, resultsDir, resultsMarkdown as resultsMdPath } from './paths.ts';
import type { BenchResult, TopicResults } from './results.ts';
import { resultsMarkdown } from './results-md.ts';
import { machine } from './run.ts';
import { barChartSvg } from './svg.ts';

const runFile = join(repoRoot, 'benchmarks', 'src', 'run-file.ts');

function runBenchFile(topic: Topic, file: string, out: string, smoke: boolean): Promise<number> {
  const args = ['--expose-gc', ...topic.nodeFlags, ...tsxExecArgv(), runFile, file, '--out', out];
  if (smoke) args.push('--smoke');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: topic.dir, stdio: 'inherit' });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

const svgName = (slug: string, index: number) => `${slug}-${index + 1}.svg`;

function saveTopic(results: TopicResults): void {
  writeFileSync(join(resultsDir, `${results.slug}.json`), `${JSON.stringify(results, null, 2)}\n`);
  for (const file of readdirSync(resultsDir)) {
    if (file.startsWith(`${results.slug}-`) && file.endsWith('.svg')) rmSync(join(resultsDir, file));
  }
  results.benches.forEach((bench, i) => {
    writeFileSync(join(resultsDir, svgName(results.slug, i)), barChartSvg(bench));
  });
}

function regenerateMarkdown(topics: readonly Topic[]): void {
  const all: TopicResults[] = [];
  for (const topic of topics) {
    const file = join(resultsDir, `${topic.slug}.json`);
    if (existsSync(file)) all.push(JSON.parse(readFileSync(file, 'utf8')) as TopicResults);
  }
  writeFileSync(resultsMdPath, resultsMarkdown(all, svgName));
}

async function main(argv: readonly string[]): Promise<number> {
  const command = parseArgs(argv);
  if (command.kind === 'error') {
    process.stderr.write(`${command.message}\n${USAGE}\n`);
    return USAGE_ERROR;
  }
  if (command.kind === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const all = listTopics();
  if (command.kind === 'render') {
    for (const topic of all) {
      const file = join(resultsDir, `${topic.slug}.json`);
      if (existsSync(file)) saveTopic(JSON.parse(readFileSync(file, 'utf8')) as TopicResults);
    }
    regenerateMarkdown(all);
    process.stdout.write(`rendered ${relative(repoRoot, resultsMdPath)} and the charts\n`);
    return 0;
  }
  const { smoke } = command;
  let selected = all;
  if (command.topics.length > 0) {
    selected = [];
    for (const query of command.topics) {
      const found = lookUpTopic(query, all);
      if (!found.ok) {
        process.stderr.write(`${found.message}\n`);
        return USAGE_ERROR;
      }
      selected.push(found.topic);
    }
  }
  const scratch = mkdtempSync(join(tmpdir(), 'lab-bench-'));
  const failures: string[] = [];
  let held = 0;
  let judged = 0;
  try {
    for (const topic of selected) {
      const files = benchFiles(topic);
      if (files.length === 0) continue;
      process.stdout.write(`\n${topicBanner(topic, smoke ? 'smoke' : undefined)}\n`);
      const benches: BenchResult[] = [];
      for (const [i, file] of files.entries()) {
        process.stdout.write(style.dim(`── ${relative(repoRoot, file)}\n`));
        const out = join(scratch, `${topic.slug}-${i}.json`);
        const code = await runBenchFile(topic, file, out, smoke);
        if (code !== 0 || !existsSync(out)) {
          failures.push(relative(repoRoot, file));
          continue;
        }
        benches.push(...(JSON.parse(readFileSync(out, 'utf8')) as BenchResult[]));
      }
      for (const c of benches.flatMap((b) => b.claims)) {
        judged++;
        if (c.holds) held++;
      }
      if (!smoke && benches.length > 0) {
        saveTopic({ slug: topic.slug, id: topic.id, title: topic.title, smoke, ...machine(), benches });
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  if (!smoke) {
    regenerateMarkdown(all);
    process.stdout.write(style.dim(`results: ${relative(repoRoot, resultsMdPath)}\n`));
  }
  process.stdout.write(
    `\nclaims: ${held} of ${judged} hold${smoke ? ' (smoke run: indicative only)' : ''}\n`,
  );
  if (failures.length) {
    process.stdout.write(style.red(`bench files that failed: ${failures.join(', ')}\n`));
    return 1;
  }
  return 0;
}

exitOnEpipe();
process.exitCode = await main(process.argv.slice(2));
