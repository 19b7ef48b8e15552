import { measureBench, timeBench } from '@lab/common/bench';
import { describe, expect, it } from 'vitest';
import { describeClaim, versus } from '../src/report.ts';
import { judge, runBench } from '../src/run.ts';
import { barChartSvg } from '../src/svg.ts';

const rows = [
  { name: 'base', median: 10, p99: 12, mean: 10, samples: 5, ratio: 1 },
  { name: 'fast', median: 2, p99: 3, mean: 2, samples: 5, ratio: 0.2 },
];

describe('claims', () => {
  it('hold when the median ratio is inside the bounds', () => {
    const verdict = judge({ says: 'fast is 3× faster', subject: 'fast', below: 1 / 3 }, rows, 'base');
    expect(verdict).toMatchObject({ ratio: 0.2, holds: true, against: 'base' });
    expect(describeClaim(verdict)).toBe('holds: fast is 3× faster — fast / base = 0.2 (holds when < 0.333)');
  });

  it('do not hold outside them, and say so', () => {
    const verdict = judge({ says: 'fast is 10× faster', subject: 'fast', below: 0.1 }, rows, 'base');
    expect(verdict.holds).toBe(false);
    expect(describeClaim(verdict)).toMatch(/^does not hold on this machine/);
  });

  it('can compare two non-baseline contenders, with both bounds', () => {
    const verdict = judge(
      { says: 'between', subject: 'base', against: 'fast', above: 4, below: 6 },
      rows,
      'base',
    );
    expect(verdict).toMatchObject({ ratio: 5, holds: true });
  });

  it('refuse a contender the bench does not measure', () => {
    expect(() => judge({ says: 'x', subject: 'missing', below: 1 }, rows, 'base')).toThrow(
      /does not measure/,
    );
  });
});

describe('running benches', () => {
  it('computes ratios against the baseline for measured values', async () => {
    const result = await runBench(
      measureBench({
        title: 'bytes',
        baseline: 'array',
        unit: 'bytes',
        better: 'lower',
        measure: async () => ({ array: [100, 300, 200], generator: 20 }),
        claims: [{ says: 'a tenth', subject: 'generator', below: 0.11, seed: 'Python: 8 MB vs 200 B' }],
      }),
      { smoke: true },
    );
    expect(result.rows).toEqual([
      expect.objectContaining({ name: 'array', median: 200, ratio: 1, samples: 3 }),
      expect.objectContaining({ name: 'generator', median: 20, ratio: 0.1, samples: 1 }),
    ]);
    expect(result.claims[0]).toMatchObject({ holds: true, seed: 'Python: 8 MB vs 200 B' });
  });

  it('runs every time task, with setup before and teardown after', async () => {
    const events: string[] = [];
    let calls = 0;
    const result = await runBench(
      timeBench({
        title: 't',
        baseline: 'a',
        setup: () => {
          events.push('setup');
        },
        teardown: () => {
          events.push('teardown');
        },
        tasks: {
          a: () => {
            calls++;
          },
          b: () => {
            calls++;
          },
        },
      }),
      { smoke: true },
    );
    expect(events).toEqual(['setup', 'teardown']);
    expect(result.rows.map((r) => r.name)).toEqual(['a', 'b']);
    expect(calls).toBeGreaterThanOrEqual(6);
    expect(result.rows[0]?.ratio).toBe(1);
  });

  it('rejects a baseline that is not a contender', async () => {
    const bench = measureBench({
      title: 'x',
      baseline: 'nope',
      unit: 'B',
      better: 'lower',
      measure: async () => ({ a: 1 }),
    });
    await expect(runBench(bench, { smoke: true })).rejects.toThrow(/baseline "nope"/);
  });

  it('words the comparison from the ratio', () => {
    const bench = { baseline: 'base', kind: 'time' as const, better: 'lower' as const };
    expect(versus(rows[1]!, bench)).toBe('5× faster');
    expect(versus({ ...rows[1]!, ratio: 2 }, bench)).toBe('2× slower');
    expect(versus(rows[0]!, bench)).toBe('baseline');
  });

  it('draws one bar per contender in the SVG', () => {
    const svg = barChartSvg({
      title: 'a <b>',
      kind: 'time',
      unit: 'ms',
      better: 'lower',
      baseline: 'base',
      rows,
      claims: [],
    });
    expect(svg.match(/<rect x=/g)).toHaveLength(2);
    expect(svg).toContain('a &lt;b&gt;');
  });
});
