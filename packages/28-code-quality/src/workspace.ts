import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIOME_CONFIG, COMPILER_OPTIONS } from './tool-config.ts';

export type FixtureName = 'flawed' | 'fixed';

export const fixturesDir = new URL('../fixtures/', import.meta.url).pathname;

/** A scratch copy of a fixture with its own tsconfig.json and biome.json; dispose removes it. */
export interface Workspace extends Disposable {
  dir: string;
  /** The TypeScript files, relative to `dir`, sorted: what Biome and tsc check. */
  files: string[];
  /** The node:test files (`*.check.mjs`) the pipeline's test step runs. */
  checks: string[];
}

/**
 * Copies `fixture`'s .ts files (not its nested biome.json, which exists only to keep the flawed code out of
 * the repo's own lint) into a fresh folder under the OS temp dir, with the tool configs beside them. The
 * tools then judge the fixture alone, and nothing they do can touch the repo.
 */
export function createWorkspace(fixture: FixtureName): Workspace {
  const dir = mkdtempSync(join(tmpdir(), `lab-code-quality-${fixture}-`));
  const source = join(fixturesDir, fixture);
  const names = readdirSync(source).sort();
  const files = names.filter((f) => f.endsWith('.ts'));
  const checks = names.filter((f) => f.endsWith('.check.mjs'));
  for (const file of [...files, ...checks]) copyFileSync(join(source, file), join(dir, file));
  writeFileSync(
    join(dir, 'tsconfig.json'),
    `${JSON.stringify({ compilerOptions: COMPILER_OPTIONS, include: ['*.ts'] }, null, 2)}\n`,
  );
  writeFileSync(join(dir, 'biome.json'), `${JSON.stringify(BIOME_CONFIG, null, 2)}\n`);
  writeFileSync(join(dir, 'package.json'), '{ "type": "module", "private": true }\n');
  return {
    dir,
    files,
    checks,
    [Symbol.dispose]: () => rmSync(dir, { recursive: true, force: true }),
  };
}
