import { runNode } from '@lab/common/workers';

/** What a `try`/`catch` around a call caught, with and without `await`. */
export interface TryOutcome {
  caughtByTry: boolean;
  /** How the promise ended, observed afterwards. */
  promiseEnded: string;
}

/**
 * Calls `operation` inside try/catch, awaiting it or not. Without `await` the call returns a pending
 * promise, the `try` block ends, and the rejection comes later, where no `catch` is waiting.
 */
export async function callInsideTry(
  operation: () => Promise<unknown>,
  awaitIt: boolean,
): Promise<TryOutcome> {
  let caughtByTry = false;
  let promise: Promise<unknown> = Promise.resolve();
  try {
    promise = operation();
    if (awaitIt) await promise;
  } catch {
    caughtByTry = true;
  }
  // Handled here, in the same turn, so this example does not itself crash the process.
  const promiseEnded = await promise.then(
    () => 'resolved',
    (error: unknown) => `rejected: ${(error as Error).message}`,
  );
  return { caughtByTry, promiseEnded };
}

/** How a fresh `node` process ended. */
export interface ChildExit {
  code: number | null;
  stdout: string;
  /** The first line of stderr that names the error. */
  errorLine: string;
}

/**
 * Runs a tiny script whose promise rejects with no handler, optionally with a process-level
 * `unhandledRejection` listener. Since Node 15 the default is to crash (exit code 1) before the 50 ms
 * timer prints; the listener keeps the process alive, which is why it should log and exit, not swallow.
 */
export async function unhandledRejectionInChild(withListener: boolean): Promise<ChildExit> {
  const script = [
    withListener
      ? "process.on('unhandledRejection', (reason) => console.log('listener saw:', reason.message));"
      : '',
    "Promise.reject(new Error('payment service down'));",
    "setTimeout(() => console.log('still running'), 50);",
  ].join('\n');
  const { code, stdout, stderr } = await runNode(['-e', script], { timeoutMs: 10_000 });
  const errorLine = stderr.split('\n').find((line) => /^\w*Error\b/.test(line)) ?? '';
  return { code, stdout: stdout.trim(), errorLine: errorLine.trim() };
}
