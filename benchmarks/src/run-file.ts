/**
 * Runs the benches of one bench file in this (child) process and writes their results as JSON. The runner
 * starts one of these per file, so that a file's workers, flags and heap never leak into the next file.
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Bench } from '@lab/common/bench';
import { closeServices } from '@lab/common/services';
import { exitOnEpipe } from '@lab/tooling/epipe';
import { printBenchResult } from './report.ts';
import type { BenchResult } from './results.ts';
import { runBench } from './run.ts';

exitOnEpipe();

const { values, positionals } = parseArgs({
  options: { out: { type: 'string' }, smoke: { type: 'boolean' } },
  allowPositionals: true,
});
const [file] = positionals;
const { out, smoke = false } = values;
if (!file || !out || positionals.length > 1) {
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
