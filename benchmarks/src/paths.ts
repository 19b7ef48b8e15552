import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, type Topic } from '@lab/tooling/topics';

export const resultsDir = join(repoRoot, 'benchmarks', 'results');
export const resultsMarkdown = join(repoRoot, 'benchmarks', 'RESULTS.md');

/** A topic's bench files, `bench/*.bench.ts`, in name order. */
export const benchFiles = (topic: Topic): string[] => {
  const dir = join(topic.dir, 'bench');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.bench.ts'))
    .sort()
    .map((f) => join(dir, f));
};
