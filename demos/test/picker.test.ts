import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listTopics } from '@lab/tooling/topics';
import { describe, expect, it } from 'vitest';
import { formatListing } from '../src/listing.ts';
import { parseSectionList } from '../src/picker.ts';

describe('demo picker and listing', () => {
  it('reads a demo’s --sections listing into number, id and title', () => {
    const text = ' 1  three-levels  Three levels of copying\n 2  shallow       Every built-in shallow copy\n';
    expect(parseSectionList(text)).toEqual([
      { n: 1, id: 'three-levels', title: 'Three levels of copying' },
      { n: 2, id: 'shallow', title: 'Every built-in shallow copy' },
    ]);
    expect(parseSectionList('')).toEqual([]);
  });

  it('shows each topic’s practice state from the progress file, and nothing when there is none', async () => {
    const { practiceByTopic } = await import('@lab/practice/summary');
    const dir = mkdtempSync(join(tmpdir(), 'demos-listing-'));
    mkdirSync(join(dir, 'interview-lab'));
    const path = join(dir, 'interview-lab', 'progress.json');
    const at = '2026-01-01T00:00:00.000Z';
    writeFileSync(
      path,
      JSON.stringify({
        version: 1,
        revision: 2,
        reviews: [
          { id: 'a', card: 'generators/answer', at, grade: 'again' },
          { id: 'b', card: 'generators/followup-x', at, grade: 'easy' },
        ],
      }),
    );
    const practice = practiceByTopic({ path, now: () => new Date('2026-01-01T01:00:00Z') });
    expect(practice.get('generators')).toEqual({ seen: 2, due: 1 });
    const lines = formatListing(listTopics(), practice);
    expect(lines.find((l) => l.includes('generators'))).toMatch(/1 due, 2 practised/);
    expect(lines.at(-1)).toMatch(/1 card due now — pnpm practice/);
    const none = formatListing(listTopics(), practiceByTopic({ path: join(dir, 'missing.json') }));
    expect(none.some((l) => l.includes('practised'))).toBe(false);
    writeFileSync(path, '{oops');
    expect(practiceByTopic({ path }).size).toBe(0);
  });
});
