/**
 * The application factory. Tests, the demo and the bench all call `createApp({ pool })`, so they exercise
 * the same wiring; nothing here listens on a port or reads the environment.
 */
import { sendProblem } from '@lab/common/problem';
import express, { type ErrorRequestHandler, type Express } from 'express';
import type pg from 'pg';
import { toErrorReply } from './errors.ts';
import { buildOpenApi } from './openapi.ts';
import { fallback, mountRoutes } from './route.ts';
import { API_PREFIX, userRoutes } from './routes.ts';

export interface AppOptions {
  pool: pg.Pool;
  /** Largest request body accepted before a 413 (body-parser syntax: `'16kb'`, or bytes). */
  bodyLimit?: string | number;
  /** Called with every error that became a 500. Defaults to one line on stderr. */
  onError?: (error: unknown) => void;
}

const logToStderr = (error: unknown): void => {
  process.stderr.write(
    `rest-api-design: unhandled ${error instanceof Error ? error.stack : String(error)}\n`,
  );
};

function errorMiddleware(onError: (error: unknown) => void): ErrorRequestHandler {
  return (error, _req, res, next) => {
    // Once the status line is out, a problem body cannot follow; Express's default handler closes the socket.
    if (res.headersSent) return next(error);
    const { body, headers, internal } = toErrorReply(error);
    // The stack goes to the log, never to the client.
    if (internal) onError(error);
    sendProblem(res, body, headers);
  };
}

/** The users-and-orders API under `/api/v1`, with its OpenAPI document at `/api/v1/openapi.json`. */
export function createApp({ pool, bodyLimit = '16kb', onError = logToStderr }: AppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  const routes = userRoutes(pool);
  const document = buildOpenApi(routes);
  app.get(`${API_PREFIX}/openapi.json`, (_req, res) => {
    res.json(document);
  });
  const router = express.Router();
  mountRoutes(router, routes, { bodyLimit });
  app.use(router);
  app.use(fallback(routes));
  app.use(errorMiddleware(onError));
  return app;
}
