/**
 * One log line per request, carrying the request id the response echoes: the id a user quotes in a support
 * ticket finds the line, and the same id forwarded to other services joins their lines to it.
 */
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { routeLabel } from './route-label.ts';

/** An incoming id is reused only when it is short and plain: it ends up in logs, headers and dashboards. */
const WELL_FORMED_ID = /^[A-Za-z0-9._:-]{1,64}$/;

const ids = new WeakMap<Request, string>();

/** The request's id (set by `requestLog`). */
export const requestIdOf = (req: Request): string | undefined => ids.get(req);

export function acceptRequestId(header: string | undefined): string {
  return header !== undefined && WELL_FORMED_ID.test(header) ? header : randomUUID();
}

export function requestLog(logger: Logger, { skip = ['/metrics', '/health/live', '/health/ready'] } = {}) {
  const skipped = new Set(skip);
  return (req: Request, res: Response, next: NextFunction): void => {
    const id = acceptRequestId(req.get('x-request-id'));
    ids.set(req, id);
    res.setHeader('x-request-id', id);
    if (skipped.has(req.path)) {
      next();
      return;
    }
    const start = process.hrtime.bigint();
    res.once('finish', () => {
      const status = res.statusCode;
      const line = {
        requestId: id,
        method: req.method,
        route: routeLabel(req),
        status,
        durationMs: Math.round(Number(process.hrtime.bigint() - start) / 1e4) / 100,
      };
      if (status >= 500) logger.error(line, 'request failed');
      else logger.info(line, 'request');
    });
    next();
  };
}
