import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReadme, topicIndex, withTopicIndex } from '../src/readme-index.ts';
import { listTopics, repoRoot, validateLabField } from '../src/topics.ts';

/** The README sections CONTRIBUTING.md and the GUIDE ask for, in order. */
const README_SECTIONS = [
  '## The question',
  '## The 30-second answer',
  '## Python → TypeScript',
  '## Walkthrough',
  '## Pitfalls',
  '## Measured',
  '## Follow-up questions',
  '## Run it',
];

const folders = readdirSync(join(repoRoot, 'packages')).filter((f) => /^\d\d-/.test(f));

describe('every topic package', () => {
  it('exists for every folder and has a valid "lab" field', () => {
    expect(folders.length).toBeGreaterThan(0);
    for (const folder of folders) {
      const pkg = JSON.parse(readFileSync(join(repoRoot, 'packages', folder, 'package.json'), 'utf8'));
      expect(validateLabField(folder, pkg), folder).toEqual([]);
    }
    expect(listTopics().length).toBe(folders.length);
  });

  describe.each(listTopics().map((t) => [t.id, t] as const))('%s', (_, topic) => {
    const has = (path: string) => existsSync(join(topic.dir, path));
    const filesIn = (dir: string, suffix: string) =>
      has(dir) ? readdirSync(join(topic.dir, dir)).filter((f) => f.endsWith(suffix)) : [];

    it('has the GUIDE parts: README, src/index.ts, demo.ts, tests and benchmarks', () => {
      const missing = ['README.md', 'src/index.ts', 'demo.ts', 'tsconfig.json'].filter((p) => !has(p));
      expect(missing).toEqual([]);
      expect(filesIn('test', '.test.ts').length).toBeGreaterThan(0);
      expect(filesIn('bench', '.bench.ts').length).toBeGreaterThan(0);
    });

    it('has the README sections, in order', () => {
      const readme = readFileSync(join(topic.dir, 'README.md'), 'utf8');
      const positions = README_SECTIONS.map((s) => readme.search(new RegExp(`^${s}\\b`, 'm')));
      expect(README_SECTIONS.filter((_, i) => positions[i] === -1)).toEqual([]);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      expect(readme).toContain(`pnpm demo ${topic.slug}`);
      expect(readme).toMatch(/Otherwise:/);
    });

    it('runs its demo inside runDemo (so services are released and failures exit non-zero)', () => {
      expect(readFileSync(join(topic.dir, 'demo.ts'), 'utf8')).toMatch(/runDemo\(/);
    });
  });
});

describe('README topic index', () => {
  it('matches the packages (run `pnpm topics:index` if this fails)', () => {
    const readme = readReadme();
    expect(withTopicIndex(readme, topicIndex())).toBe(readme);
  });
});
