import { sendProblem } from '@lab/common/problem';
import type { ErrorRequestHandler } from 'express';
import { problemForError } from './problems.ts';

export interface ErrorHandlerOptions {
  /** Called with every error that becomes a 5xx: the place to log it (a client sees only "internal error"). */
  onUnexpected?: (error: unknown) => void;
}

/** Express's error middleware: every error a route throws (or passes to next) becomes a problem body. */
export function errorHandler(options: ErrorHandlerOptions = {}): ErrorRequestHandler {
  return (error, _req, res, next) => {
    // Once the status line is out no problem body can follow: Express's default handler closes the socket.
    if (res.headersSent) {
      next(error);
      return;
    }
    const body = problemForError(error);
    if (body.status >= 500) options.onUnexpected?.(error);
    sendProblem(res, body);
  };
}
