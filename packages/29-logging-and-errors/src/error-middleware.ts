import { sendProblem } from '@lab/common/problem';
import { problemForError } from '@lab/project-structure';
import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';
import { errorChain } from './error-chain.ts';
import type { RequestContext } from './request-context.ts';

export type ErrorLevel = 'error' | 'warn' | 'info';

/**
 * How loud a failed request is. A 5xx is our bug or our outage: `error`, someone is paged. A 4xx is the
 * caller's mistake and the system working: `info` — except the ones worth a look in numbers (auth
 * refusals, conflicts, throttling), `warn`. Logging every 404 at error trains people to ignore errors.
 */
export function levelForStatus(status: number): ErrorLevel {
  if (status >= 500) return 'error';
  if (status === 401 || status === 403 || status === 409 || status === 429) return 'warn';
  return 'info';
}

export interface LoggingErrorHandlerOptions {
  logger: Logger;
  /** Adds the request id to every problem body, so the id a user reports finds the log line. */
  context?: RequestContext;
}

/**
 * The error middleware: one log line per failed request, at the level its status earns, with the cause
 * chain; a 5xx line also carries the error with its stack. The answer is topic 21's mapping
 * (`problemForError`): 404/409/422/400 by error class, and a 500 whose body says "internal error" and
 * nothing else — the stack, the SQL and the driver's message stay in the log.
 */
export function loggingErrorHandler(options: LoggingErrorHandlerOptions): ErrorRequestHandler {
  const { logger, context } = options;
  return (error, req, res, next) => {
    const problem = problemForError(error);
    const fields = {
      status: problem.status,
      code: problem.code,
      method: req.method,
      path: req.path.slice(0, 200),
      errorChain: errorChain(error),
    };
    const level = levelForStatus(problem.status);
    if (level === 'error') logger.error({ ...fields, err: error }, 'request failed');
    else logger[level](fields, 'request refused');
    // Once the status line is out no problem body can follow: Express's default handler closes the socket.
    if (res.headersSent) {
      next(error);
      return;
    }
    const requestId = context?.requestId();
    sendProblem(res, requestId === undefined ? problem : { ...problem, requestId });
  };
}
