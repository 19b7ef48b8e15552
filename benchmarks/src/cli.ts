import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { findTopic, listTopics, repoRoot, style, suggestTopic, type Topic } from '@lab/common';
import { type BenchResult, barChartSvg, machine, type TopicResults } from '@lab/common/bench';
import { tsxExecArgv } from '@lab/common/workers';
import { resultsDir, resultsMarkdown as resultsMdPath } from './paths.ts';
import { resultsMarkdown } from './results-md.ts';

const USAGE = `usage: pnpm bench [topic] [--smoke]
       pnpm bench --render
  topic     a slug or number; all topics when omitted
  --smoke   a handful of iterations per bench (CI); results are printed, not saved
  --render  rewrite RESULTS.md and the charts from results/*.json without running anything`;

const runFile = join(repoRoot, 'benchmarks', 'src', 'run-file.ts');

const benchFiles = (topic: Topic): string[] => {
  const dir = join(topic.dir, 'bench');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.bench.ts'))
    .sort()
    .map((f) => join(dir, f));
};

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
  const args = argv.filter((a) => a !== '--');
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const smoke = args.includes('--smoke');
  const unknownFlag = args.find((a) => a.startsWith('-') && a !== '--smoke' && a !== '--render');
  if (unknownFlag) {
    process.stderr.write(`unknown option '${unknownFlag}'\n${USAGE}\n`);
    return 2;
  }
  const words = args.filter((a) => !a.startsWith('-'));
  const all = listTopics();
  if (args.includes('--render')) {
    for (const topic of all) {
      const file = join(resultsDir, `${topic.slug}.json`);
      if (existsSync(file)) saveTopic(JSON.parse(readFileSync(file, 'utf8')) as TopicResults);
    }
    regenerateMarkdown(all);
    process.stdout.write(`rendered ${relative(repoRoot, resultsMdPath)} and the charts\n`);
    return 0;
  }
  let selected = all;
  if (words.length > 0) {
    selected = [];
    for (const word of words) {
      const topic = findTopic(word, all);
      if (!topic) {
        const s = suggestTopic(word, all);
        process.stderr.write(`unknown topic '${word}'${s ? `; did you mean '${s.slug}' (${s.id})?` : ''}\n`);
        return 2;
      }
      selected.push(topic);
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
      process.stdout.write(
        `\n${style.bold(style.cyan(`═══ ${topic.id} ${topic.slug}${smoke ? ' (smoke)' : ''} ═══`))}\n`,
      );
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

process.exitCode = await main(process.argv.slice(2));
