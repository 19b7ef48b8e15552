import { spawnSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { tsxExecArgv } from '@lab/common/workers';
import { repoRoot } from '@lab/tooling/topics';
import { describe, expect, it } from 'vitest';
import type { FileDefinitions } from '../src/claim-definitions.ts';
import {
  currentBlock,
  FIX_COMMAND,
  githubSlug,
  MEASURED_END,
  MEASURED_START,
  measuredBlock,
  measuredBlocks,
  resultsAnchors,
  withMeasuredBlock,
} from '../src/measured-section.ts';
import type { TopicResults } from '../src/results.ts';

const RESULTS_MD = [
  '# Benchmark results',
  '## 03 decorators — Decorators',
  '### Per-call cost (1,000 calls, x * this.rate)',
  '## 04 generators — Generators',
  '### Per-call cost (1,000 calls, x * this.rate)',
].join('\n');

const results: TopicResults = {
  slug: 'decorators',
  id: '03',
  title: 'Decorators',
  smoke: false,
  node: 'v20.20.2',
  cpu: 'Test CPU',
  cores: 2,
  platform: 'linux-x64',
  date: '2026-11-24T00:07:00.304Z',
  benches: [
    {
      title: 'Per-call cost (1,000 calls, x * this.rate)',
      kind: 'time',
      unit: 'ms',
      better: 'lower',
      baseline: 'direct',
      rows: [],
      claims: [
        {
          says: 'wrapping is cheap',
          subject: 'wrapped',
          against: 'direct',
          ratio: 1.984,
          below: 4,
          holds: true,
        },
        { says: 'old bound', subject: 'memo', against: 'direct', ratio: 15.6, above: 3, holds: true },
      ],
    },
  ],
};

const definitions = {
  files: [
    {
      file: 'bench/call-overhead.bench.ts',
      benches: [
        {
          title: 'Per-call cost (1,000 calls, x * this.rate)',
          baseline: 'direct',
          claims: [
            { says: 'wrapping is cheap', subject: 'wrapped', below: 4, seed: 'Python: __call__ | n/a' },
            // Same comparison, but the bound moved since the saved run: that run did not judge this claim.
            { says: 'old bound', subject: 'memo', above: 5 },
          ],
        },
      ],
    },
  ],
};

describe('the Measured block', () => {
  const block = measuredBlock({
    topic: { id: '03', slug: 'decorators' },
    definitions,
    results,
    resultsMarkdown: RESULTS_MD,
  });
  const rows = block
    .split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('| Claim') && !l.startsWith('| --'));

  it('has one row per defined claim, with its bound, the saved ratio linked to its bench, and the verdict', () => {
    expect(rows).toHaveLength(2);
    const cells = rows[0]!.split(/ (?<!\\)\| /).map((c) => c.replace(/^\| /, '').replace(/ \|$/, '').trim());
    expect(cells).toEqual([
      'wrapping is cheap',
      '[`call-overhead`](bench/call-overhead.bench.ts)',
      '`wrapped` / `direct`',
      '< 4',
      '[1.98](../../benchmarks/RESULTS.md#per-call-cost-1000-calls-x--thisrate)',
      'holds',
      'Python: \\_\\_call\\_\\_ \\| n/a',
    ]);
  });

  it('says "not measured yet" for a claim whose saved result was judged against another bound', () => {
    expect(rows[1]).toMatch(/\| not measured yet +\| — +\|/);
    expect(rows[1]).not.toContain('15.6');
    expect(block).toContain('1 of 2 claims has no saved result as worded here: run `pnpm bench decorators`.');
  });

  it('names the machine, Node and date of the saved run, and no other date', () => {
    expect(block).toContain('on Test CPU, 2 cores, linux-x64, Node v20.20.2, 2026-11-24');
    expect(block.match(/\d{4}-\d\d-\d\d/g)).toEqual(['2026-11-24']);
  });

  it('pads the table so every row has the width of the header', () => {
    const widths = new Set(
      block
        .split('\n')
        .filter((l) => l.startsWith('|'))
        .map((l) => [...l].length),
    );
    expect(widths.size).toBe(1);
  });

  it('without a saved run, every row is "not measured yet" and no machine is named', () => {
    const bare = measuredBlock({ topic: { id: '03', slug: 'decorators' }, definitions, resultsMarkdown: '' });
    expect(bare.match(/not measured yet/g)).toHaveLength(2);
    expect(bare).not.toContain('Measured by');
  });

  it('replaces only what lies between the markers', () => {
    const readme = `# T\n\n## Measured\n\nprose\n\n${MEASURED_START}\nold\n${MEASURED_END}\n\n## Next\n`;
    const next = withMeasuredBlock(readme, 'new');
    expect(next).toBe(`# T\n\n## Measured\n\nprose\n\n${MEASURED_START}\nnew\n${MEASURED_END}\n\n## Next\n`);
    expect(currentBlock(next)).toBe('new');
    expect(() => withMeasuredBlock('# no markers\n', 'x')).toThrow(/markers/);
  });
});

describe('RESULTS.md anchors', () => {
  it('are GitHub heading slugs: punctuation dropped, spaces hyphenated, repeats numbered', () => {
    expect(githubSlug('01 mutability — Mutable vs immutable values')).toBe(
      '01-mutability--mutable-vs-immutable-values',
    );
    const anchors = resultsAnchors(RESULTS_MD);
    expect(anchors.get('decorators')?.topic).toBe('03-decorators--decorators');
    expect(anchors.get('decorators')?.benches.get('Per-call cost (1,000 calls, x * this.rate)')).toBe(
      'per-call-cost-1000-calls-x--thisrate',
    );
    expect(anchors.get('generators')?.benches.get('Per-call cost (1,000 calls, x * this.rate)')).toBe(
      'per-call-cost-1000-calls-x--thisrate-1',
    );
  });
});

describe('bench definitions', () => {
  it("are read with the core count they are asked for, not this machine's", () => {
    const file = join(repoRoot, 'packages/02-gil-and-worker-threads/bench/libuv-threadpool.bench.ts');
    const run = spawnSync(
      process.execPath,
      [...tsxExecArgv(), join(repoRoot, 'benchmarks/src/claim-definitions.ts'), '--cores', '3', file],
      { encoding: 'utf8' },
    );
    expect(run.stderr).toBe('');
    const defs = JSON.parse(run.stdout) as FileDefinitions;
    expect(defs[file]?.map((b) => b.title.endsWith(', 3 cores'))).toEqual([true]);
    expect(defs[file]?.[0]?.claims.some((c) => c.says.includes('beyond the 3 cores'))).toBe(true);
  });
});

describe('every topic README', () => {
  it(`holds the Measured block the generator writes now (fix: ${FIX_COMMAND})`, () => {
    const stale = measuredBlocks()
      .filter((b) => currentBlock(b.readme) !== b.expected)
      .map((b) => relative(repoRoot, b.readmePath));
    expect(stale, `stale or missing Measured blocks; run ${FIX_COMMAND}`).toEqual([]);
  });
});
