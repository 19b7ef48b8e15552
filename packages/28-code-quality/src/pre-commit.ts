import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIOME_BIN } from './run-tools.ts';
import { BIOME_CONFIG } from './tool-config.ts';

/** A throw-away git repository with a pre-commit hook installed; dispose removes it. */
export interface HookedRepo extends Disposable {
  dir: string;
}

export interface CommitAttempt {
  accepted: boolean;
  /** What the hook printed (Biome's findings when it refused). */
  output: string;
}

/**
 * The hook: checks only the staged .ts files, so it stays fast enough that nobody bypasses it. It reads the
 * working-tree copies of those files; a file staged in part is checked as it is on disk (lint-staged
 * stashes the unstaged part first for that reason).
 */
export function hookScript(biomeBin: string = BIOME_BIN, node: string = process.execPath): string {
  return `#!/bin/sh
files=$(git diff --cached --name-only --diff-filter=ACMR -- '*.ts')
[ -z "$files" ] && exit 0
exec "${node}" "${biomeBin}" check --colors=off --no-errors-on-unmatched $files
`;
}

/** git's environment without the GIT_* variables of any repository or hook this process runs inside. */
function gitEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('GIT_')));
}

function git(dir: string, args: readonly string[]): Promise<{ code: number; output: string }> {
  const identity = [
    '-c',
    'user.name=lab',
    '-c',
    'user.email=lab@example.invalid',
    '-c',
    'core.hooksPath=.git/hooks',
  ];
  return new Promise((resolve) => {
    execFile('git', ['-C', dir, ...identity, ...args], { env: gitEnv() }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}${stderr}` });
    });
  });
}

/** `git init` under the OS temp dir, a biome.json, and the pre-commit hook, executable. */
export async function createHookedRepo(): Promise<HookedRepo> {
  const dir = mkdtempSync(join(tmpdir(), 'lab-pre-commit-'));
  const init = await git(dir, ['init', '-q']);
  if (init.code !== 0) throw new Error(`git init failed: ${init.output}`);
  writeFileSync(join(dir, 'biome.json'), `${JSON.stringify(BIOME_CONFIG, null, 2)}\n`);
  const hook = join(dir, '.git', 'hooks', 'pre-commit');
  writeFileSync(hook, hookScript());
  chmodSync(hook, 0o755);
  return { dir, [Symbol.dispose]: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Writes `file`, stages it and tries to commit: the hook decides. */
export async function tryCommit(repo: HookedRepo, file: string, content: string): Promise<CommitAttempt> {
  writeFileSync(join(repo.dir, file), content);
  await git(repo.dir, ['add', '--', file]);
  const { code, output } = await git(repo.dir, ['commit', '-q', '-m', `add ${file}`]);
  return { accepted: code === 0, output };
}

/** How many commits the repository has (0 before the first). */
export async function commitCount(repo: HookedRepo): Promise<number> {
  const { code, output } = await git(repo.dir, ['rev-list', '--count', 'HEAD']);
  return code === 0 ? Number(output.trim()) : 0;
}
