import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runNode as runNodeProcess, runProcess } from '@lab/common/workers';

/** The topic's fixtures folder: plain .mjs/.cjs files each lesson runs in a fresh Node. */
export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** How a fresh Node process ended. */
export interface NodeRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout split into lines, the last empty one dropped. */
  lines: string[];
  /** The first `SomeError: message` line on stderr: the error that ended the process, if one did. */
  error?: { name: string; message: string; code?: string };
}

/**
 * Runs `file` in a new Node (by default the one running this code), with its folder as the working
 * directory. Every lesson here is about how a process loads modules, so none of it can run in this one:
 * this process has its own module cache, and vitest's loader besides.
 */
export async function runNode(
  file: string,
  options: { args?: string[]; node?: string } = {},
): Promise<NodeRun> {
  const run = { cwd: dirname(file), env: { ...process.env, NODE_OPTIONS: '' } };
  const args = [file, ...(options.args ?? [])];
  const { code, stdout, stderr } = options.node
    ? await runProcess(options.node, args, run)
    : await runNodeProcess(args, run);
  const lines = stdout.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const thrown = /^(\w*Error)(?: \[(\w+)\])?: (.*)$/m.exec(stderr);
  return {
    code,
    stdout,
    stderr,
    lines,
    ...(thrown && {
      error: { name: thrown[1] ?? '', message: thrown[3] ?? '', ...(thrown[2] && { code: thrown[2] }) },
    }),
  };
}
