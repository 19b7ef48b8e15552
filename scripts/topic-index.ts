/** Regenerates the topic table in README.md from the packages' `"lab"` fields (`pnpm topics:index`). */
import { writeFileSync } from 'node:fs';
import { readmePath, readReadme, withTopicIndex } from '@lab/tooling/readme-index';

const current = readReadme();
const next = withTopicIndex(current);
if (process.argv.includes('--write')) {
  writeFileSync(readmePath, next);
  process.stdout.write(
    next === current ? 'README topic index already current\n' : 'README topic index updated\n',
  );
} else if (next !== current) {
  process.stderr.write('README topic index is stale: run pnpm topics:index\n');
  process.exitCode = 1;
}
