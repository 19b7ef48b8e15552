import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { tsxExecArgv } from '@lab/common/workers';

const run = promisify(execFile);
const CHILD = fileURLToPath(new URL('./_cold-import-child.ts', import.meta.url));

export interface ColdImport {
  /** Milliseconds from `import()` to its resolution (Node's own start-up, the same for all, excluded). */
  ms: number;
  /** Modules that import loaded: ES modules counted by a load hook, CommonJS ones in require.cache. */
  modules: number;
}

/**
 * Imports `exportName` from `file` (an absolute .ts or .js path) in a brand-new Node process and reports
 * what that one import cost: nothing is cached in memory, as at a service's or a CLI's start.
 */
export async function coldImport(file: string, exportName: string): Promise<ColdImport> {
  const { stdout } = await run(process.execPath, [...tsxExecArgv(), CHILD, file, exportName], {
    timeout: 60_000,
  });
  return JSON.parse(stdout) as ColdImport;
}
