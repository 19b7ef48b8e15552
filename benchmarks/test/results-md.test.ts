import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { TopicResults } from '../src/results.ts';
import { resultsMarkdown } from '../src/results-md.ts';

const topic: TopicResults = {
  slug: 'generators',
  id: '04',
  title: 'Generators',
  smoke: false,
  node: 'v20.20.2',
  cpu: 'Test CPU',
  cores: 2,
  platform: 'linux-x64',
  date: '2026-11-23T00:00:00.000Z',
  benches: [
    {
      title: 'pipelines',
      kind: 'time',
      unit: 'ms',
      better: 'lower',
      baseline: 'array',
      rows: [
        { name: 'array', median: 2, p99: 3, mean: 2, samples: 40, opsPerSec: 500, ratio: 1 },
        { name: 'generator', median: 4, p99: 5, mean: 4, samples: 40, opsPerSec: 250, ratio: 2 },
      ],
      claims: [
        {
          says: 'within 3×',
          subject: 'generator',
          against: 'array',
          ratio: 2,
          below: 3,
          holds: true,
          seed: 'Python: n/a',
        },
      ],
    },
  ],
};

describe('RESULTS.md', () => {
  it('has a section per topic with the machine, a table, a chart and the verdicts', () => {
    const md = resultsMarkdown([topic], (slug, i) => `${slug}-${i + 1}.svg`);
    expect(md).toContain('## 04 generators — Generators');
    expect(md).toContain('Node v20.20.2 · Test CPU · 2 cores · linux-x64 · 2026-11-23');
    expect(md).toContain('| generator | 4 ms | 5 ms | 250 | 2× slower |');
    expect(md).toContain('![pipelines](results/generators-1.svg)');
    expect(md).toContain('- ✅ holds: within 3× — generator / array = 2 (holds when < 3)');
    expect(md).toContain('  - Python series: Python: n/a');
  });
});

describe('the pnpm bench CLI', () => {
  it('rejects an unknown topic with a suggestion and exit 2', () => {
    const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
    const run = spawnSync(process.execPath, ['--import', 'tsx', cli, 'generatrs', '--smoke'], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("unknown topic 'generatrs'; did you mean 'generators' (04)?");
  });
});
