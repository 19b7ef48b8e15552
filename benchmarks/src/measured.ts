/**
 * `pnpm measured:write`: rewrites the generated block of every topic README's `## Measured` section from
 * the bench definitions and the saved results. Without `--write` it only checks, and exits 1 when a block
 * is stale or its markers are missing (the benchmarks test runs the same check). Topics given by number
 * or slug (`pnpm measured:write 39`) limit it to their READMEs, so one topic's author touches only theirs.
 */
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { lookUpTopic, USAGE_ERROR } from '@lab/tooling/cli';
import { repoRoot } from '@lab/tooling/topics';
import { currentBlock, FIX_COMMAND, measuredBlocks, withMeasuredBlock } from './measured-section.ts';

const write = process.argv.includes('--write');
const only = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const chosen = only.map((query) => {
  const found = lookUpTopic(query);
  if (!found.ok) {
    process.stderr.write(`${found.message}\n`);
    process.exit(USAGE_ERROR);
  }
  return found.topic;
});
let stale = 0;
for (const { readmePath, readme, expected } of measuredBlocks(chosen.length > 0 ? chosen : undefined)) {
  const where = relative(repoRoot, readmePath);
  const current = currentBlock(readme);
  if (current === expected) continue;
  if (current === undefined) {
    process.stderr.write(`${where}: no measured:start/measured:end markers in its ## Measured section\n`);
    stale++;
    continue;
  }
  if (write) {
    writeFileSync(readmePath, withMeasuredBlock(readme, expected));
    process.stdout.write(`${where}: Measured block rewritten\n`);
  } else {
    process.stderr.write(`${where}: Measured block is stale; run ${FIX_COMMAND}\n`);
    stale++;
  }
}
if (stale > 0) process.exitCode = 1;
else if (!write) process.stdout.write('every Measured block is current\n');
