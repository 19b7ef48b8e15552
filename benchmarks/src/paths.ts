import { join } from 'node:path';
import { repoRoot } from '@lab/tooling/topics';

export const resultsDir = join(repoRoot, 'benchmarks', 'results');
export const resultsMarkdown = join(repoRoot, 'benchmarks', 'RESULTS.md');
