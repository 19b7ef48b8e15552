import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import type { Diagnostic } from './diagnostic.ts';

const require = createRequire(import.meta.url);

/** The tools' own entry points from this package's dependencies: the versions the lockfile pins. */
export const BIOME_BIN = require.resolve('@biomejs/biome/bin/biome');
export const TSC_BIN = require.resolve('typescript/bin/tsc');

export interface ToolRun {
  /** The process's exit code: 0 clean, 1 findings (Biome), 1 or 2 errors (tsc). */
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs Node with `args` in a fresh process in `cwd`; a non-zero exit is a result, not an exception. */
export function runNode(args: readonly string[], cwd: string): Promise<ToolRun> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { cwd, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') reject(error);
      else resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

interface BiomeJsonDiagnostic {
  severity: string;
  message: string;
  category: string;
  location?: { path?: string; start?: { line: number } };
}

/** Biome's `--reporter=json` output (experimental in Biome 2: parse it defensively) as diagnostics. */
export function parseBiomeJson(stdout: string): Diagnostic[] {
  const report = JSON.parse(stdout) as { diagnostics?: BiomeJsonDiagnostic[] };
  return (report.diagnostics ?? []).map((d) => ({
    tool: 'biome',
    code: d.category,
    file: d.location?.path ?? '',
    line: d.location?.start?.line ?? 0,
    severity: d.severity === 'warning' || d.severity === 'information' ? d.severity : 'error',
    message: d.message,
  }));
}

export type BiomeCommand = 'check' | 'lint' | 'format';

/** `biome <command> --reporter=json <files>` in `dir`: lint, format or both (check adds import sorting). */
export async function runBiome(dir: string, files: readonly string[], command: BiomeCommand = 'check') {
  const run = await runNode([BIOME_BIN, command, '--reporter=json', '--colors=off', ...files], dir);
  return { run, diagnostics: parseBiomeJson(run.stdout) };
}

// `s`: a message may hold a character `.` would otherwise stop at (U+2028, a lone \r); the line is still one diagnostic.
const TSC_LINE =
  /^(?<file>.+?)\((?<line>\d+),\d+\): (?<severity>error|warning) (?<code>TS\d+): (?<message>.*)$/s;

/** `tsc --pretty false` lines (`file(line,col): error TS1234: message`) as diagnostics; continuation lines are dropped. */
export function parseTscOutput(stdout: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const line of stdout.split('\n')) {
    const groups = TSC_LINE.exec(line.trimEnd())?.groups;
    if (!groups) continue;
    diagnostics.push({
      tool: 'tsc',
      code: groups.code ?? '',
      file: groups.file ?? '',
      line: Number(groups.line),
      severity: groups.severity === 'warning' ? 'warning' : 'error',
      message: groups.message ?? '',
    });
  }
  return diagnostics;
}

/** `tsc --noEmit -p <dir> --pretty false` in a fresh process, as CI runs it. */
export async function runTsc(dir: string, extraArgs: readonly string[] = []) {
  const run = await runNode([TSC_BIN, '--noEmit', '-p', '.', '--pretty', 'false', ...extraArgs], dir);
  return { run, diagnostics: parseTscOutput(run.stdout) };
}
