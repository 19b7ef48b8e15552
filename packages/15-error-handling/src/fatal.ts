import { describeChain } from './cause.ts';

/** The part of `process` the fatal handlers use, so a test can hand in an EventEmitter. */
export interface ProcessLike {
  on(event: 'unhandledRejection' | 'uncaughtException', listener: (reason: unknown) => void): unknown;
  off(event: 'unhandledRejection' | 'uncaughtException', listener: (reason: unknown) => void): unknown;
}

export interface FatalOptions {
  /** Where the one structured line goes (a logger in production). */
  log: (entry: { level: 'fatal'; event: string; error: string }) => void;
  /** Ends the process; `process.exit` in production (after a graceful shutdown, ideally). */
  exit: (code: number) => void;
}

/**
 * Process-level last resort: logs an unhandled rejection or uncaught exception once, with its cause chain,
 * then exits with code 1. Node would exit anyway (since v15 for rejections), but with a stack on stderr
 * instead of a log line your alerting can read; a listener that only logs would keep a broken process up.
 * Returns a function that removes the listeners.
 */
export function exitOnFatalErrors(target: ProcessLike, { log, exit }: FatalOptions): () => void {
  let exiting = false;
  const handler = (event: string) => (reason: unknown) => {
    log({ level: 'fatal', event, error: describeChain(reason) });
    if (exiting) return;
    exiting = true;
    exit(1);
  };
  const onRejection = handler('unhandledRejection');
  const onException = handler('uncaughtException');
  target.on('unhandledRejection', onRejection);
  target.on('uncaughtException', onException);
  return () => {
    target.off('unhandledRejection', onRejection);
    target.off('uncaughtException', onException);
  };
}

/** How a fresh process with an unhandled rejection ended. */
export interface FatalRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `_fatal-child.ts` in a fresh Node: with `'install'` the handlers above log one JSON line and exit 1;
 * with `'bare'` Node's default prints the stack and exits 1. Either way the 50 ms timer never prints.
 */
export async function runUnhandledInChild(mode: 'install' | 'bare'): Promise<FatalRun> {
  const { runNode, tsxExecArgv } = await import('@lab/common/workers');
  const entry = new URL('./_fatal-child.ts', import.meta.url).pathname;
  const { code, stdout, stderr } = await runNode([...tsxExecArgv(), entry, mode]);
  return { code, stdout, stderr };
}
