import { formatNumber } from '@lab/common';
import { describeClaim, formatValue, versus } from './report.ts';
import type { TopicResults } from './results.ts';

const cell = (text: string) => text.replace(/\|/g, '\\|');

/** `benchmarks/RESULTS.md`: one section per topic, a table and a chart per bench, each claim's verdict. */
export function resultsMarkdown(
  all: readonly TopicResults[],
  svgName: (slug: string, index: number) => string,
): string {
  const out = [
    '# Benchmark results',
    '',
    'Written by `pnpm bench` from `benchmarks/results/*.json`; do not edit by hand. Each section records the',
    'machine it ran on. Ratios are medians against the named baseline, measured in the same run; a claim',
    '"holds" or "does not hold on this machine" as computed from those numbers.',
    '',
  ];
  for (const topic of all) {
    out.push(`## ${topic.id} ${topic.slug} — ${topic.title}`, '');
    out.push(
      `Node ${topic.node} · ${topic.cpu} · ${topic.cores} cores · ${topic.platform} · ${topic.date.slice(0, 10)}`,
      '',
    );
    topic.benches.forEach((bench, i) => {
      out.push(`### ${bench.title}`, '');
      const time = bench.kind === 'time';
      out.push(`| contender | median | p99 |${time ? ' ops/s |' : ''} vs baseline |`);
      out.push(`|---|--:|--:|${time ? '--:|' : ''}---|`);
      for (const row of bench.rows) {
        const ops = time ? ` ${formatNumber(row.opsPerSec ?? 0)} |` : '';
        out.push(
          `| ${cell(row.name)} | ${formatValue(row.median, bench.unit)} | ${formatValue(row.p99, bench.unit)} |${ops} ${versus(row, bench)} |`,
        );
      }
      out.push('', `![${cell(bench.title)}](results/${svgName(topic.slug, i)})`, '');
      for (const claim of bench.claims) {
        out.push(`- ${claim.holds ? '✅' : '❌'} ${cell(describeClaim(claim))}`);
        if (claim.seed) out.push(`  - Python series: ${cell(claim.seed)}`);
      }
      if (bench.claims.length) out.push('');
    });
  }
  return `${out.join('\n').trimEnd()}\n`;
}
