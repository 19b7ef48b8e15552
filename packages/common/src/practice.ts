/**
 * Practice items a topic ships in its `practice.ts`. Recall cards are not written here: they are parsed from
 * the topic's README (the 30-second answer and the follow-up questions), so they cannot drift from it.
 * Predict-the-output items are written here, and a test runs every snippet and compares its real output
 * with the declared one: a declared answer is never trusted.
 */
import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tsxExecArgv } from './workers.ts';

export interface PredictItem {
  /** Stable kebab-case id: progress is keyed by topic + id, so rewording the item keeps its history. */
  id: string;
  /** The question, e.g. "What does this print?" plus any context the snippet needs. */
  prompt: string;
  /**
   * A short TypeScript module (≤ 20 lines) that prints with console.log. It runs with the topic folder as
   * its directory, so it may import the topic's code as `./src/….ts`. No network, no services, no timing.
   */
  code: string;
  /** Exactly what it prints (trailing whitespace and a final newline are ignored). */
  output: string;
  /** Why it prints that, in one to three sentences: the trap this item is aimed at. */
  explain: string;
  /** Where to read after a miss: a demo section id of this topic and a file relative to the topic folder. */
  see: { section?: string; file: string };
}

export interface Practice {
  predict: readonly PredictItem[];
}

/** Identity, with types: `export default definePractice({ predict: [...] })`. */
export const definePractice = (practice: Practice): Practice => practice;

/** Compares outputs the way the grader does: per line, trailing whitespace ignored, trailing blank lines ignored. */
export function normalizeOutput(text: string): string {
  return text
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .replace(/\n+$/, '');
}

export interface SnippetRun {
  stdout: string;
  stderr: string;
  code: number | null;
  timedOut: boolean;
}

/**
 * Runs a predict item's snippet in its own Node process (tsx loaded), from a temporary file in the topic
 * folder so `./src/…` imports resolve; killed after `timeoutMs`.
 */
export function runSnippet(topicDir: string, item: PredictItem, timeoutMs = 20_000): Promise<SnippetRun> {
  const file = join(topicDir, `.practice-${item.id}-${process.pid}-${Date.now()}.ts`);
  writeFileSync(file, item.code);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...tsxExecArgv(), file], {
      cwd: topicDir,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      rmSync(file, { force: true });
      resolve({ stdout, stderr, code, timedOut });
    });
  });
}
