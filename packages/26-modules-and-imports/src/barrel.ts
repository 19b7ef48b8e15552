import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES, runNode } from './_node.ts';

const id = (i: number) => String(i).padStart(3, '0');

/** One generated module: a little code and data, and a line that counts its own evaluation. */
function moduleSource(i: number): string {
  const n = id(i);
  const rates = Array.from({ length: 12 }, (_, k) => ((i + 1) * (k + 3)) % 97);
  return [
    'globalThis.__lab26ModulesLoaded = (globalThis.__lab26ModulesLoaded ?? 0) + 1;',
    `const RATES_${n} = Object.freeze([${rates.join(', ')}]);`,
    `export const NAME_${n} = 'module-${n}';`,
    `export function format${n}(value) {`,
    `  return \`\${NAME_${n}}: \${(value * RATES_${n}[value % RATES_${n}.length]).toFixed(2)}\`;`,
    '}',
    `export function parse${n}(text) {`,
    `  const [name, amount] = String(text).split(': ');`,
    `  return name === NAME_${n} ? Number(amount) : undefined;`,
    '}',
    '',
  ].join('\n');
}

/** A folder of `modules` modules, a barrel re-exporting them all, and two entries that want one function. */
export interface ModuleGraph {
  dir: string;
  modules: number;
  /** `export { formatNNN } from './index.mjs'` — through the barrel. */
  viaBarrel: string;
  /** `export { formatNNN } from './mNNN.mjs'` — straight to the file. */
  direct: string;
  /** The one export both entries re-export. */
  pick: string;
  remove(): Promise<void>;
}

/** Writes the graph to a new temporary folder; the two entries differ only in the path they import. */
export async function writeModuleGraph(modules: number): Promise<ModuleGraph> {
  if (!(Number.isInteger(modules) && modules >= 1 && modules <= 5_000))
    throw new RangeError('modules: 1 to 5000');
  const dir = await mkdtemp(join(tmpdir(), 'lab26-barrel-'));
  const wanted = Math.floor(modules / 2);
  const pick = `format${id(wanted)}`;
  for (let i = 0; i < modules; i++) await writeFile(join(dir, `m${id(i)}.mjs`), moduleSource(i));
  const barrel = Array.from({ length: modules }, (_, i) => `export * from './m${id(i)}.mjs';`).join('\n');
  await writeFile(join(dir, 'index.mjs'), `${barrel}\n`);
  await writeFile(join(dir, 'via-barrel.mjs'), `export { ${pick} } from './index.mjs';\n`);
  await writeFile(join(dir, 'direct.mjs'), `export { ${pick} } from './m${id(wanted)}.mjs';\n`);
  return {
    dir,
    modules,
    viaBarrel: join(dir, 'via-barrel.mjs'),
    direct: join(dir, 'direct.mjs'),
    pick,
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** What one cold import measured inside its fresh process. */
export interface ColdImport {
  /** Milliseconds from `import()` to its module namespace, measured in the child. */
  ms: number;
  /** Generated modules that evaluated. */
  modules: number;
  /** Whether the wanted export arrived (both entries must deliver the same thing). */
  found: boolean;
}

/** Imports `entry` in a brand-new Node, where nothing is cached: the cost a CLI or a cold start pays. */
export async function coldImport(entry: string, pick: string): Promise<ColdImport> {
  const run = await runNode(join(FIXTURES, 'cold-import.mjs'), { args: [entry, pick] });
  if (run.code !== 0) throw new Error(`cold import of ${entry} failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as ColdImport;
}
