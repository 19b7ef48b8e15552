/**
 * Demo output: headings, notes, key/value lines, tables and horizontal bars.
 * Colour only on a TTY, never when NO_COLOR is set (https://no-color.org), forced by FORCE_COLOR=1.
 */

type Write = (text: string) => void;

// No process handlers here: how a closed pipe ends the process is the printing CLI's decision
// (@lab/tooling/epipe), not the library's.

let write: Write = (text) => {
  process.stdout.write(text);
};

/** Redirects all output (tests capture demo output this way). Returns a function that restores the previous writer. */
export function captureOutput(sink: Write): () => void {
  const previous = write;
  write = sink;
  return () => {
    write = previous;
  };
}

/** True when ANSI colour should be used for stdout. */
export function colorEnabled(
  env: NodeJS.ProcessEnv = process.env,
  isTTY = process.stdout.isTTY === true,
): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return isTTY && env.TERM !== 'dumb';
}

const useColor = colorEnabled();
const paint =
  (open: number, close: number) =>
  (text: string): string =>
    useColor ? `\u001b[${open}m${text}\u001b[${close}m` : text;

export const style = {
  bold: paint(1, 22),
  dim: paint(2, 22),
  red: paint(31, 39),
  green: paint(32, 39),
  yellow: paint(33, 39),
  cyan: paint(36, 39),
};

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching the ESC of ANSI colour codes is the point.
const ANSI = /\u001b\[[0-9;]*m/g;
/** Visible width of a string, ignoring ANSI escapes. */
export const visibleWidth = (text: string): number => text.replace(ANSI, '').length;

const line = (text = ''): void => write(`${text}\n`);

/** The banner a demo starts with. */
export function title(text: string, subtitle?: string): void {
  line(style.bold(style.cyan(`━━ ${text} ━━`)));
  if (subtitle) line(style.dim(subtitle));
}

/** A numbered or plain section heading inside a demo. */
export function heading(text: string): void {
  line();
  line(style.bold(`▸ ${text}`));
}

/** One or two lines of explanation. */
export function note(text: string): void {
  for (const part of text.split('\n')) line(`  ${style.dim(part)}`);
}

/** A plain line of output, indented to sit under a heading. */
export function say(text: string): void {
  for (const part of text.split('\n')) line(`  ${part}`);
}

/** Aligned `key: value` lines. */
export function kv(entries: Record<string, unknown> | Array<[string, unknown]>): void {
  const pairs = Array.isArray(entries) ? entries : Object.entries(entries);
  const width = Math.max(0, ...pairs.map(([k]) => k.length));
  for (const [k, v] of pairs) line(`  ${style.dim(`${k.padEnd(width)} :`)} ${format(v)}`);
}

/** A verdict line: green ✓ when ok, red ✗ otherwise. */
export function check(ok: boolean, text: string): void {
  line(`  ${ok ? style.green('✓') : style.red('✗')} ${text}`);
}

export type Cell = string | number | bigint | boolean | null | undefined;

/** Formats the cells of a table as aligned text lines (no trailing newline). */
export function formatTable(rows: Array<Record<string, Cell>>, columns?: string[]): string[] {
  const first = rows[0];
  if (!first) return [];
  const cols = columns ?? Object.keys(first);
  const cells = rows.map((row) => cols.map((c) => format(row[c])));
  const widths = cols.map((c, i) => Math.max(c.length, ...cells.map((r) => visibleWidth(r[i] ?? ''))));
  const numeric = cols.map((c) => rows.every((r) => typeof r[c] === 'number' || typeof r[c] === 'bigint'));
  const pad = (text: string, i: number) => {
    const gap = ' '.repeat(Math.max(0, (widths[i] ?? 0) - visibleWidth(text)));
    return numeric[i] ? gap + text : text + gap;
  };
  const out = [cols.map((c, i) => style.bold(pad(c, i))).join('  ')];
  out.push(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const r of cells) out.push(r.map((text, i) => pad(text, i)).join('  '));
  return out;
}

/** Prints a table from an array of records. */
export function table(rows: Array<Record<string, Cell>>, columns?: string[]): void {
  for (const l of formatTable(rows, columns)) line(`  ${l}`);
}

/** Horizontal bars, scaled to the largest value; `unit` is appended to each value. */
export function formatBars(
  items: Array<{ label: string; value: number }>,
  unit: string | ((value: number) => string) = '',
  width = 36,
): string[] {
  const show = typeof unit === 'function' ? unit : (value: number) => `${formatNumber(value)}${unit}`;
  const max = Math.max(...items.map((i) => i.value), Number.MIN_VALUE);
  const labelWidth = Math.max(...items.map((i) => i.label.length));
  return items.map(({ label, value }) => {
    const n = Math.max(value > 0 ? 1 : 0, Math.round((value / max) * width));
    return `${label.padEnd(labelWidth)} ${style.cyan('█'.repeat(n))}${' '.repeat(width - n)} ${show(value)}`;
  });
}

export function bars(
  items: Array<{ label: string; value: number }>,
  unit: string | ((value: number) => string) = '',
): void {
  for (const l of formatBars(items, unit)) line(`  ${l}`);
}

/** A short block of code or raw text, shown as-is. */
export function code(text: string): void {
  for (const part of text.split('\n')) line(`    ${style.yellow(part)}`);
}

/** Numbers with sensible precision and thousands separators. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const abs = Math.abs(n);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : abs >= 0.01 ? 3 : 4;
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

/** "2.1× faster" or "1.3× slower": a time against a baseline time, in words computed from the two. */
export function fasterOrSlower(ms: number, baselineMs: number): string {
  return ms <= baselineMs
    ? `${formatNumber(baselineMs / ms)}× faster`
    : `${formatNumber(ms / baselineMs)}× slower`;
}

/** Byte counts as B / KiB / MiB / GiB. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB'];
  let value = bytes;
  let i = 0;
  while (Math.abs(value) >= 1024 && i < units.length - 1) {
    value /= 1024;
    i++;
  }
  return `${formatNumber(value)} ${units[i]}`;
}

/** Durations given in milliseconds as ns / µs / ms / s. */
export function formatDuration(ms: number): string {
  if (ms < 0.001) return `${formatNumber(ms * 1e6)} ns`;
  if (ms < 1) return `${formatNumber(ms * 1e3)} µs`;
  if (ms < 1000) return `${formatNumber(ms)} ms`;
  return `${formatNumber(ms / 1000)} s`;
}

function format(value: unknown): string {
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (value === null || value === undefined) return style.dim(String(value));
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
