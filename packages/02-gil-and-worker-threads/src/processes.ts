import { fork } from 'node:child_process';
import { tsxExecArgv, workerPath } from '@lab/common/workers';
import { assertWorkSize } from './cpu-job.ts';

const childFile = workerPath(new URL('./_process-child.ts', import.meta.url));

/** Sent to a child: the work sizes it owns. */
export interface ProcessJob {
  sizes: number[];
}

/** Sent back: its checksums, in the order received, and who computed them. */
export interface ProcessReply {
  pid: number;
  checksums: number[];
}

/** `forkMap`'s answer: checksums in input order, and the process ids that did the work. */
export interface ForkMapResult {
  checksums: number[];
  pids: number[];
}

function runChild(job: ProcessJob): Promise<ProcessReply> {
  const child = fork(childFile, {
    execArgv: tsxExecArgv(),
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    let reply: ProcessReply | undefined;
    child.once('message', (message: ProcessReply) => {
      reply = message;
      child.disconnect();
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (reply) resolve(reply);
      else reject(new Error(`child process exited with code ${code} before replying`));
    });
    child.send(job);
  });
}

/**
 * `multiprocessing.Pool(processes).map(cpu_heavy, sizes)` for Node: deals the inputs round-robin to
 * `processes` child processes (each a whole Node with its own heap, event loop and pid), then puts the
 * answers back in input order. Messages are serialised over an IPC pipe, so only JSON-like data crosses.
 */
export async function forkMap(
  sizes: readonly number[],
  options: { processes: number },
): Promise<ForkMapResult> {
  const { processes } = options;
  if (!Number.isInteger(processes) || processes < 1 || processes > 64)
    throw new RangeError(`processes must be an integer from 1 to 64, got ${processes}`);
  for (const n of sizes) assertWorkSize(n);
  const used = Math.min(processes, sizes.length);
  const owned = Array.from({ length: used }, (_, p) => sizes.filter((_, i) => i % used === p));
  const replies = await Promise.all(owned.map((mine) => runChild({ sizes: mine })));
  const checksums = sizes.map((_, i) => replies[i % used]?.checksums[Math.floor(i / used)] ?? Number.NaN);
  return { checksums, pids: replies.map((r) => r.pid) };
}
