/**
 * Runs the benches of one bench file in this (child) process and writes their results as JSON. The runner
 * starts one of these per file, so that a file's workers, flags and heap never leak into the next file.
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { closeServices } from '@lab/common';
import { type Bench, type BenchResult, printBenchResult, runBench } from '@lab/common/bench';

const [file, ...rest] = process.argv.slice(2);
const outIndex = rest.indexOf('--out');
const out = outIndex >= 0 ? rest[outIndex + 1] : undefined;
const smoke = rest.includes('--smoke');
if (!file || !out) {
  process.stderr.write('usage: run-file.ts <file.bench.ts> --out <results.json> [--smoke]\n');
  process.exit(2);
}

const loaded = (await import(pathToFileURL(file).href)) as { default?: Bench[] };
if (!Array.isArray(loaded.default)) throw new Error(`${file} must default-export an array of benches`);
const results: BenchResult[] = [];
try {
  for (const bench of loaded.default) {
    const result = await runBench(bench, { smoke });
    printBenchResult(result, smoke);
    results.push(result);
  }
} finally {
  await closeServices();
}
writeFileSync(out, JSON.stringify(results));
