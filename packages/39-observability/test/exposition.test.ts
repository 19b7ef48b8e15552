import { describe, expect, it } from 'vitest';
import { parseExposition, samplesOf, seriesCount } from '../src/index.ts';

const TEXT = `# HELP http_requests_total Requests.
# TYPE http_requests_total counter
http_requests_total{method="GET",route="/users/:id",status_code="200"} 3
http_requests_total{method="GET",route="say \\"hi\\"\\\\n",status_code="404"} 1
up 1
h_bucket{le="+Inf",route="/a"} 2
h_count{route="/a"} 2
h_count{route="/b"} 5
nan_metric NaN
prom_client_nan Nan
inf_metric +Inf
neg -1.5e3
`;

describe('parseExposition', () => {
  const samples = parseExposition(TEXT);

  it('reads names, labels and values, skipping comments', () => {
    expect(samples).toHaveLength(10);
    expect(samples[0]).toEqual({
      name: 'http_requests_total',
      labels: { method: 'GET', route: '/users/:id', status_code: '200' },
      value: 3,
    });
    expect(samples[2]).toEqual({ name: 'up', labels: {}, value: 1 });
    expect(samples[3]?.labels.le).toBe('+Inf');
    expect(Number.isNaN(samples[6]?.value)).toBe(true);
    expect(Number.isNaN(samples[7]?.value)).toBe(true);
    expect(samples.slice(8).map((s) => s.value)).toEqual([Infinity, -1500]);
  });

  it('unescapes quotes, backslashes and newlines in label values', () => {
    expect(samples[1]?.labels.route).toBe('say "hi"\\n');
  });

  it('selects samples by name and labels, and counts series', () => {
    expect(samplesOf(samples, 'http_requests_total', { status_code: '404' }).map((s) => s.value)).toEqual([
      1,
    ]);
    expect(samplesOf(samples, 'http_requests_total')).toHaveLength(2);
    expect(seriesCount(samples, 'h')).toBe(2);
    expect(seriesCount(samples, 'http_requests_total')).toBe(2);
  });

  it('refuses malformed lines instead of guessing', () => {
    expect(() => parseExposition('m{a="1" 2')).toThrow(SyntaxError);
    expect(() => parseExposition('m{a=1} 2')).toThrow(SyntaxError);
    expect(() => parseExposition('m{a="1} 2')).toThrow(SyntaxError);
    expect(() => parseExposition('m notanumber')).toThrow(SyntaxError);
    expect(() => parseExposition('m 0x10')).toThrow(SyntaxError);
    expect(() => parseExposition('m ')).toThrow(SyntaxError);
  });
});

describe('parseExposition, edge by edge', () => {
  const value = (text: string) => parseExposition(`m ${text}`)[0]?.value;

  it('reads every float spelling Prometheus writes, and nothing looser', () => {
    expect([
      value('1'),
      value('-0.25'),
      value('.5'),
      value('5.'),
      value('1e3'),
      value('1E+3'),
      value('2e-2'),
    ]).toEqual([1, -0.25, 0.5, 5, 1000, 1000, 0.02]);
    expect([value('+Inf'), value('-Inf'), value('inf'), value('-inf')]).toEqual([
      Infinity,
      -Infinity,
      Infinity,
      -Infinity,
    ]);
    for (const nan of ['NaN', 'nan', 'Nan']) expect(Number.isNaN(value(nan))).toBe(true);
    for (const bad of ['xnan', 'nanx', 'xinf', 'infx', '++1', '1e', 'e3', '1.2.3', '1e+', '.', '-', '12a']) {
      expect(() => parseExposition(`m ${bad}`), bad).toThrow(SyntaxError);
    }
  });

  it('keeps the value, not the timestamp after it', () => {
    expect(parseExposition('m{a="1"} 7 1700000000000')[0]).toEqual({
      name: 'm',
      labels: { a: '1' },
      value: 7,
    });
    expect(parseExposition('m 7 1700000000000')[0]?.value).toBe(7);
  });

  it('reads labels with spaces after commas, braces inside values, and unknown escapes kept as written', () => {
    expect(parseExposition('m{a="x}y", b="2",c="\\\\q\\t"} 1')[0]?.labels).toEqual({
      a: 'x}y',
      b: '2',
      c: '\\q\\t',
    });
  });

  it('tells a brace in a value from a label set', () => {
    expect(parseExposition('m 1')[0]).toEqual({ name: 'm', labels: {}, value: 1 });
    expect(() => parseExposition('m{a} 1')).toThrow(/bad labels in: m\{a\} 1/);
    expect(() => parseExposition('m{a="1" 1')).toThrow(/unterminated labels in/);
    expect(() => parseExposition('m{a="1} 1')).toThrow(/unterminated label value in/);
    expect(() => parseExposition('m x')).toThrow(/bad sample: m x/);
  });
});
