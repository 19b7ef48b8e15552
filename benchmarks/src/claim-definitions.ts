/**
 * Child process of the Measured generator: imports bench files and prints, as JSON, each bench's title,
 * baseline and claims — the definitions only, nothing is run.
 *
 * usage: claim-definitions.ts --cores N <file.bench.ts>...
 *
 * Some benches word their claims from the core count (02 scales its parallel bounds with it). A README must
 * show the claims as the machine that measured them stated them, and must come out the same wherever the
 * generator runs, so `os.availableParallelism()` answers N here: the cores of the run the results record.
 */
import { syncBuiltinESMExports } from 'node:module';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import type { Bench, Claim } from '@lab/common/bench';

/** What the generator needs of one bench definition. */
export interface BenchDefinition {
  title: string;
  baseline: string;
  claims: Claim[];
}

export type FileDefinitions = Record<string, BenchDefinition[]>;

const args = process.argv.slice(2);
const coresAt = args.indexOf('--cores');
const cores = Number(args[coresAt + 1]);
const files = args.filter((_, i) => i !== coresAt && i !== coresAt + 1);
if (coresAt < 0 || !Number.isInteger(cores) || cores < 1 || files.length === 0) {
  process.stderr.write('usage: claim-definitions.ts --cores N <file.bench.ts>...\n');
  process.exit(2);
}

os.availableParallelism = () => cores;
// Named imports (`import { availableParallelism } from 'node:os'`) read the ESM view of the builtin.
syncBuiltinESMExports();

const out: FileDefinitions = {};
for (const file of files) {
  const loaded = (await import(pathToFileURL(file).href)) as { default?: Bench[] };
  if (!Array.isArray(loaded.default)) throw new Error(`${file} must default-export an array of benches`);
  out[file] = loaded.default.map((b) => ({ title: b.title, baseline: b.baseline, claims: b.claims ?? [] }));
}
process.stdout.write(JSON.stringify(out));
// A bench module may hold a pool or a timer open at import; nothing here needs them.
process.exit(0);
