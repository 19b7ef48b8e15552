import {
  check,
  fasterOrSlower,
  formatBars,
  formatBytes,
  formatDuration,
  formatNumber,
  formatTable,
  note,
  say,
  style,
} from '@lab/common/output';
import type { BenchResult, ClaimResult, Row } from './results.ts';

/** A value in the bench's unit, human-readable. */
export function formatValue(value: number, unit: string): string {
  if (unit === 'ms') return formatDuration(value);
  if (unit === 'bytes') return formatBytes(value);
  return `${formatNumber(value)} ${unit}`;
}

/** "3.2× faster", "1.4× slower", "0.25×": the row against the baseline, in words computed from the ratio. */
export function versus(row: Row, bench: Pick<BenchResult, 'baseline' | 'kind' | 'better'>): string {
  if (row.name === bench.baseline) return 'baseline';
  const r = row.ratio;
  if (!Number.isFinite(r) || r <= 0) return `${formatNumber(r)}×`;
  if (bench.kind === 'time') return fasterOrSlower(r, 1);
  const better = bench.better === 'lower' ? r < 1 : r > 1;
  return `${formatNumber(r)}× (${better ? 'better' : r === 1 ? 'same' : 'worse'})`;
}

/** One claim's verdict sentence, with the ratio that decided it. */
export function describeClaim(c: ClaimResult): string {
  const bounds = [
    c.below !== undefined ? `< ${formatNumber(c.below)}` : '',
    c.above !== undefined ? `> ${formatNumber(c.above)}` : '',
  ]
    .filter(Boolean)
    .join(' and ');
  const verdict = c.holds ? 'holds' : 'does not hold on this machine';
  return `${verdict}: ${c.says} — ${c.subject} / ${c.against} = ${formatNumber(c.ratio)} (holds when ${bounds})`;
}

export function printBenchResult(result: BenchResult, smoke: boolean): void {
  say(style.bold(result.title));
  const table = result.rows.map((row) => ({
    contender: row.name,
    median: formatValue(row.median, result.unit),
    p99: formatValue(row.p99, result.unit),
    ...(result.kind === 'time' ? { 'ops/s': formatNumber(row.opsPerSec ?? 0) } : {}),
    samples: row.samples,
    'vs baseline': versus(row, result),
  }));
  for (const l of formatTable(table)) say(l);
  const show = (v: number) => `${formatValue(v, result.unit)}${result.kind === 'time' ? '/op' : ''} (median)`;
  for (const l of formatBars(
    result.rows.map((r) => ({ label: r.name, value: r.median })),
    show,
  ))
    say(l);
  for (const c of result.claims) {
    check(c.holds, `${smoke ? style.dim('[smoke: indicative only] ') : ''}${describeClaim(c)}`);
    if (c.seed) note(`    Python series: ${c.seed}`);
  }
  say('');
}
