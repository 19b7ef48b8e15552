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
