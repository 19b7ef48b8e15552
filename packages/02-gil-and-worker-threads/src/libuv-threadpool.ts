import { fork } from 'node:child_process';
import { pbkdf2, pbkdf2Sync } from 'node:crypto';
import { tsxExecArgv, workerPath } from '@lab/common/workers';

const childFile = workerPath(new URL('./_threadpool-child.ts', import.meta.url));

/** libuv's default when UV_THREADPOOL_SIZE is unset. */
export const DEFAULT_THREADPOOL_SIZE = 4;

function checkIterations(iterations: number): void {
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > 10_000_000)
    throw new RangeError(`iterations must be an integer from 1 to 10,000,000, got ${iterations}`);
}

/**
 * PBKDF2-SHA256 on libuv's threadpool: the callback form hands the hashing to a pool thread and returns
 * at once, so this thread's event loop keeps running. The same mechanism serves fs, dns.lookup and zlib.
 */
export function hashOnThreadpool(password: string, iterations: number): Promise<string> {
  checkIterations(iterations);
  return new Promise((resolve, reject) => {
    pbkdf2(password, 'lab-salt', iterations, 32, 'sha256', (error, key) =>
      error ? reject(error) : resolve(key.toString('hex')),
    );
  });
}

/** The same hash with `pbkdf2Sync`: computed on the calling thread, which does nothing else meanwhile. */
export function hashBlocking(password: string, iterations: number): string {
  checkIterations(iterations);
  return pbkdf2Sync(password, 'lab-salt', iterations, 32, 'sha256').toString('hex');
}

/** A request for the child process that owns a threadpool of a chosen size. */
export interface ThreadpoolRequest {
  /** PBKDF2 iteration counts, submitted in this order; each is one threadpool job. */
  hashes: number[];
  /** Submit an fs.readFile after the hashes (it needs the same pool). */
  readFileAfter: boolean;
}

/** What the child saw. */
export interface ThreadpoolReport {
  poolSize: number;
  /** Labels in completion order: `hash#0`…, then `readFile`. */
  order: string[];
  /** From submitting the first job to the last completion, measured inside the child (no start-up). */
  wallMs: number;
}

/**
 * Runs `request` in a child process started with UV_THREADPOOL_SIZE=`poolSize`. It must be a new process:
 * libuv sizes its pool once, on first use, and this process has long since used it.
 */
export async function runWithThreadpoolSize(
  poolSize: number,
  request: ThreadpoolRequest,
): Promise<ThreadpoolReport> {
  if (!Number.isInteger(poolSize) || poolSize < 1 || poolSize > 1024)
    throw new RangeError(`UV_THREADPOOL_SIZE must be an integer from 1 to 1024, got ${poolSize}`);
  if (request.hashes.length === 0) throw new RangeError('give at least one hash to run');
  for (const iterations of request.hashes) checkIterations(iterations);
  const child = fork(childFile, {
    env: { ...process.env, UV_THREADPOOL_SIZE: String(poolSize) },
    execArgv: tsxExecArgv(),
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    let report: ThreadpoolReport | undefined;
    child.once('message', (message: ThreadpoolReport) => {
      report = message;
      child.disconnect();
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (report) resolve(report);
      else reject(new Error(`threadpool child exited with code ${code} before reporting`));
    });
    child.send(request);
  });
}
