import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { RequestContext } from './request-context.ts';
import { acceptRequestId } from './request-context.ts';

export const REQUEST_ID_HEADER = 'x-request-id';

export interface RequestContextMiddlewareOptions {
  context: RequestContext;
  logger: Logger;
  /** Makes a fresh id (default `crypto.randomUUID`); a test passes a counter. */
  generate?: () => string;
}

/**
 * The first middleware: decides the request id (the caller's `X-Request-Id` when well-formed), echoes it
 * in the response header, and runs the rest of the request inside the context — every middleware, route,
 * service and repository after it logs with that id. One `request completed` line closes the request.
 */
export function requestContextMiddleware(options: RequestContextMiddlewareOptions): RequestHandler {
  const { context, logger, generate } = options;
  return (req, res, next) => {
    const accepted = acceptRequestId(req.headers[REQUEST_ID_HEADER], generate);
    res.setHeader(REQUEST_ID_HEADER, accepted.requestId);
    context.run({ requestId: accepted.requestId }, () => {
      // The refused value itself is not logged: it may be 10k characters or carry control bytes.
      if (accepted.refused) logger.info({ refused: accepted.refused }, 'incoming request id replaced');
      const started = performance.now();
      res.once('finish', () => {
        logger.info(
          {
            method: req.method,
            // The path only: a query string is where tokens and emails end up (`?token=…`).
            path: req.path.slice(0, 200),
            status: res.statusCode,
            durationMs: Math.round((performance.now() - started) * 100) / 100,
          },
          'request completed',
        );
      });
      next();
    });
  };
}
