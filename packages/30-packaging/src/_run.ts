import { execFile } from 'node:child_process';
import { delimiter, dirname } from 'node:path';

export interface RunResult {
  command: string;
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  env?: Record<string, string>;
  /** Killed after this long: a child that waits on a network it cannot reach must not hang the caller. */
  timeoutMs?: number;
}

/**
 * The environment every child of the flow gets. The registry points at a closed loopback port and npm runs
 * `--offline` with its own cache, so any step that tried the network would fail instead of quietly using it;
 * the running node comes first on PATH so `#!/usr/bin/env node` bins run on the same Node as the caller.
 */
export function offlineEnv(cacheDir: string, extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    // npm passes its own npm_* settings to scripts; a parent's must not leak into the child's config.
    if (value !== undefined && !/^npm_/i.test(key)) env[key] = value;
  }
  return {
    ...env,
    PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}`,
    npm_config_registry: 'http://127.0.0.1:9/',
    npm_config_offline: 'true',
    npm_config_cache: cacheDir,
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    NO_COLOR: '1',
    ...extra,
  };
}

/** Runs a program without a shell (arguments are never re-parsed) and resolves with its exit code. */
export function run(file: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
  const command = [file, ...args].join(' ');
  return new Promise((resolve) => {
    execFile(
      file,
      args,
      {
        cwd: options.cwd,
        env: options.env,
        timeout: options.timeoutMs ?? 60_000,
        maxBuffer: 8 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ command, code, stdout, stderr: error?.killed ? `${stderr}\n(killed: timed out)` : stderr });
      },
    );
  });
}

/** As `run`, but a non-zero exit is an error carrying the child's stderr. */
export async function mustRun(
  file: string,
  args: readonly string[],
  options: RunOptions,
): Promise<RunResult> {
  const result = await run(file, args, options);
  if (result.code !== 0) {
    // Some tools (tsc) report their errors on stdout and leave stderr empty: show whichever says why.
    const why = result.stderr.trim() || result.stdout.trim();
    throw new Error(`${result.command} exited with ${result.code}: ${why.slice(0, 2000)}`);
  }
  return result;
}
