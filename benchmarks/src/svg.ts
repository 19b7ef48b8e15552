import { formatValue } from './report.ts';
import type { BenchResult } from './results.ts';

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A horizontal bar chart of one bench's medians, as a standalone SVG (GitHub renders it in RESULTS.md). */
export function barChartSvg(result: BenchResult): string {
  const rowHeight = 26;
  const labelWidth = 230;
  const barWidth = 330;
  const valueWidth = 140;
  const top = 52;
  // Wide enough for the title (about 7 px per character at 13 px) and for the bars.
  const width = Math.max(labelWidth + barWidth + valueWidth, Math.ceil(result.title.length * 7.2) + 20);
  const height = top + result.rows.length * rowHeight + 10;
  const max = Math.max(...result.rows.map((r) => r.median), Number.MIN_VALUE);
  const bars = result.rows.map((row, i) => {
    const y = top + i * rowHeight;
    const w = Math.max(1, Math.round((row.median / max) * barWidth));
    const fill = row.name === result.baseline ? '#8b949e' : '#2f81f7';
    return [
      `<text x="${labelWidth - 8}" y="${y + 16}" text-anchor="end">${escapeXml(row.name)}</text>`,
      `<rect x="${labelWidth}" y="${y + 3}" width="${w}" height="${rowHeight - 8}" rx="3" fill="${fill}"/>`,
      `<text x="${labelWidth + w + 6}" y="${y + 16}">${escapeXml(formatValue(row.median, result.unit))}</text>`,
    ].join('');
  });
  const caption = `median per contender · ${result.better} is better · grey = baseline (${result.baseline})`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="13">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="10" y="20" font-weight="600">${escapeXml(result.title)}</text>`,
    `<text x="10" y="38" fill="#57606a">${escapeXml(caption)}</text>`,
    ...bars,
    '</svg>',
    '',
  ].join('\n');
}
