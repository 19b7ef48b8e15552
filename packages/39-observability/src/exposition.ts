/**
 * A reader for Prometheus's text exposition format — what a scraper sees at `/metrics` — so tests and the
 * demo assert on the real output rather than on the library's objects.
 */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const ESCAPES: Record<string, string> = { n: '\n', '\\': '\\', '"': '"' };

function parseLabels(text: string, line: string): Record<string, string> {
  const labels: Record<string, string> = {};
  let i = 0;
  while (i < text.length) {
    const eq = text.indexOf('=', i);
    if (eq < 0 || text[eq + 1] !== '"') throw new SyntaxError(`bad labels in: ${line}`);
    const name = text.slice(i, eq).trim();
    let value = '';
    let j = eq + 2;
    for (; j < text.length && text[j] !== '"'; j++) {
      if (text[j] === '\\') {
        j++;
        value += ESCAPES[text[j] ?? ''] ?? `\\${text[j] ?? ''}`;
      } else value += text[j];
    }
    if (j >= text.length) throw new SyntaxError(`unterminated label value in: ${line}`);
    labels[name] = value;
    i = j + 1;
    if (text[i] === ',') i++;
  }
  return labels;
}

/** Values are Go floats: NaN and Inf in any case (prom-client writes `Nan` for an empty mean). */
function parseValue(text: string): number | undefined {
  if (/^nan$/i.test(text)) return Number.NaN;
  const inf = /^([+-]?)inf$/i.exec(text);
  if (inf) return inf[1] === '-' ? -Infinity : Infinity;
  if (text === '' || !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return undefined;
  return Number(text);
}

export function parseExposition(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const brace = line.indexOf('{');
    const space = line.indexOf(' ');
    let name: string;
    let labels: Record<string, string> = {};
    let rest: string;
    if (brace >= 0 && brace < space) {
      const close = line.lastIndexOf('}');
      if (close < brace) throw new SyntaxError(`unterminated labels in: ${line}`);
      name = line.slice(0, brace);
      labels = parseLabels(line.slice(brace + 1, close), line);
      rest = line.slice(close + 1).trim();
    } else {
      name = line.slice(0, space);
      rest = line.slice(space + 1).trim();
    }
    const value = parseValue(rest.split(' ')[0] ?? '');
    if (!name || value === undefined) throw new SyntaxError(`bad sample: ${line}`);
    samples.push({ name, labels, value });
  }
  return samples;
}

/** The samples named `name` whose labels include every pair in `match`. */
export function samplesOf(
  samples: readonly Sample[],
  name: string,
  match: Record<string, string> = {},
): Sample[] {
  return samples.filter((s) => s.name === name && Object.entries(match).every(([k, v]) => s.labels[k] === v));
}

/** How many distinct series a metric family has (histograms: counted once per label set, via `_count`). */
export function seriesCount(samples: readonly Sample[], name: string): number {
  return samples.filter((s) => s.name === name || s.name === `${name}_count`).length;
}
