import { constants } from 'node:os';
import type { Lifecycle, ShutdownReport } from './lifecycle.ts';

export interface SignalOptions {
  /** Ends the process: `process.exit` in a service; a recorder in tests. */
  exit: (code: number) => void;
  signals?: readonly NodeJS.Signals[];
  /** Called with the report before `exit`, to log it. */
  onReport?: (report: ShutdownReport) => void;
  /** The emitter signals arrive on. Default `process`. */
  target?: Pick<NodeJS.Process, 'on' | 'off'>;
}

/**
 * The first SIGTERM or SIGINT starts a graceful shutdown and exits with its code. A second one exits at
 * once with 128 + the signal number (143 for SIGTERM, 130 for SIGINT), what a shell reports for a process
 * killed by that signal: an operator who presses Ctrl-C twice means "now". Returns an uninstaller.
 */
export function exitOnSignals(lifecycle: Lifecycle, options: SignalOptions): () => void {
  const { exit, signals = ['SIGTERM', 'SIGINT'], target = process } = options;
  let received = 0;
  const handler = (signal: NodeJS.Signals) => {
    received++;
    if (received > 1) {
      exit(128 + (constants.signals[signal] ?? 0));
      return;
    }
    void lifecycle.shutdown(signal).then((report) => {
      options.onReport?.(report);
      exit(report.code);
    });
  };
  for (const signal of signals) target.on(signal, handler);
  return () => {
    for (const signal of signals) target.off(signal, handler);
  };
}
